/* Tries to create each path in argv; exits 0 if any succeeded, 1 if all were refused. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    int wrote = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "w");
        if (f) {
            fputs("escaped\n", f);
            fclose(f);
            printf("wrote %s\n", argv[i]);
            wrote = 1;
        } else {
            printf("refused %s: %s\n", argv[i], strerror(errno));
        }
    }
    return wrote ? 0 : 1;
}
