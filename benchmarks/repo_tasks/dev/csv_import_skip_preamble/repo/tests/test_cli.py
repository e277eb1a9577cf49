import io

from csvimport.cli import main


def run(tmp_path, text, *args):
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    code = main([str(path), *args], out=out)
    return code, out.getvalue().splitlines()


def test_clean_import(tmp_path):
    code, lines = run(tmp_path, "sku,qty\nA,1\nB,2\n", "--schema", "sku:str,qty:int")
    assert code == 0
    assert lines == ["imported 2 rows, 0 errors"]


def test_errors_reported(tmp_path):
    code, lines = run(tmp_path, "sku,qty\nA,one\n", "--schema", "sku,qty:int")
    assert code == 1
    assert lines == ["imported 0 rows, 1 errors", "line 2: qty: invalid int 'one'"]


def test_json_output(tmp_path):
    code, lines = run(tmp_path, "sku|qty\nA|1\n", "--schema", "sku,qty:int",
                      "--delimiter", "|", "--json")
    assert lines[1] == '{"sku": "A", "qty": 1}'


def test_missing_column_exit_code(tmp_path):
    code, lines = run(tmp_path, "sku\nA\n", "--schema", "sku,qty:int")
    assert code == 2
    assert lines == ["error: missing columns: qty"]


def test_cli_skip_rows(tmp_path):
    text = "Supplier: Acme\nExported: 2024-05-01\nsku;qty\nA;1\nB;two\n"
    code, lines = run(tmp_path, text, "--schema", "sku,qty:int", "--delimiter", ";",
                      "--skip-rows", "2")
    assert code == 1
    assert lines == ["imported 1 rows, 1 errors", "line 5: qty: invalid int 'two'"]
