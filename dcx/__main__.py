from dcx.cli import main

main()
