from knitpat.chart import legend, render


def test_render_reads_right_to_left():
    rounds = [
        ["K", "K", "K", "P"],
        ["K", "YO", "SSK", "P"],
    ]
    assert render(rounds) == ["-\\O. 2", "-... 1"]


def test_render_pads_short_rounds():
    assert render([["K", "K", "K"], ["K2TOG", "K"]]) == [" ./ 2", "... 1"]
    assert render([]) == []


def test_legend():
    assert legend([["YO", "K", "K2TOG"], ["K", "P"]]) == [
        ".  knit", "-  purl", "O  yarn over", "/  knit two together",
    ]
