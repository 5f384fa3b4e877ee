/* "write": leaves a marker file, a locked-down subdirectory and a read-only cwd behind.
   "check": exits 1 if the marker is there, 0 if not. Both print the cwd first. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) return 2;
    printf("%s\n", cwd);
    if (argc > 1 && strcmp(argv[1], "write") == 0) {
        FILE *f = fopen("marker", "w");
        if (!f) return 3;
        fclose(f);
        mkdir("locked", 0700);
        FILE *g = fopen("locked/inner", "w");
        if (g) fclose(g);
        chmod("locked", 0);
        chmod(".", 0500);
        return 0;
    }
    return access("marker", F_OK) == 0 ? 1 : 0;
}
