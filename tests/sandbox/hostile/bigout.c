/* Writes argv[1] MiB of 'z' to stdout in 1 MiB writes, then exits 0. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    static char buf[1 << 20];
    memset(buf, 'z', sizeof buf);
    long total = argc > 1 ? atol(argv[1]) : 2048;
    for (long i = 0; i < total; i++)
        for (size_t done = 0; done < sizeof buf;) {
            ssize_t n = write(1, buf + done, sizeof buf - done);
            if (n < 0) return 1;
            done += (size_t)n;
        }
    return 0;
}
