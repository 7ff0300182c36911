"""The pure core: text in, values out. Nothing in this package touches the disk, the clock or the network.

tests/test_architecture.py enforces that no module here imports os, shutil, time, pathlib I/O or livereload.
"""
