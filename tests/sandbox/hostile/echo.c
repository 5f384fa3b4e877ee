/* Prints its arguments, copies stdin to stdout in full, says "done" on stderr. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) printf("arg:%s\n", argv[i]);
    fflush(stdout);
    char buf[65536];
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0)
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(1, buf + off, n - off);
            if (w < 0) return 2;
            off += w;
        }
    fputs("done\n", stderr);
    return 0;
}
