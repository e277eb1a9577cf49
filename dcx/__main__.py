from dcx.entry import run

run()
