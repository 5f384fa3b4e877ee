/* Forks argv[1] children; each allocates and touches argv[2] MiB, holds it for a second and
   exits 0. Prints how many children exited 0, i.e. held their memory at the same time. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    int children = atoi(argv[1]);
    size_t bytes = (size_t)atoi(argv[2]) << 20;
    for (int i = 0; i < children; i++) {
        pid_t pid = fork();
        if (pid < 0) return 3;
        if (pid == 0) {
            volatile char *p = malloc(bytes); /* volatile: the pages are really touched */
            if (!p) _exit(4);
            for (size_t at = 0; at < bytes; at += 4096) p[at] = 1;
            sleep(1);
            _exit(0);
        }
    }
    int held = 0, status;
    while (wait(&status) > 0)
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) held++;
    printf("%d\n", held);
    return 0;
}
