"""The shell: everything that touches the disk, the clock, processes or the network, around the pure core.

fs reads inputs and writes outputs; cli parses the command line; parallel forks workers; search runs Pagefind;
serve* is the live preview; uptodate is the no-change check; capture/ fetches pages for `--add`.
"""
