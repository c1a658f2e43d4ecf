from portail.cli import main

main()
