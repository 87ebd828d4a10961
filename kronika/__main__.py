"""`python -m kronika`: the same command line as the `kronika` script."""

from kronika.cli import main

if __name__ == "__main__":
    main()
