/* For each path in argv: prints "old <path>" if the file is already there (left by an
   earlier run), then creates it and prints "wrote <path>" (or "refused <path>"). */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (access(argv[i], F_OK) == 0) printf("old %s\n", argv[i]);
        FILE *f = fopen(argv[i], "w");
        printf("%s %s\n", f ? "wrote" : "refused", argv[i]);
        if (f) fclose(f);
    }
    return 0;
}
