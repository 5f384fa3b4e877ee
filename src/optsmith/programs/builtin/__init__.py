"""The built-in C programs (one `.c` file each) and `manifest.json`, their tests."""
