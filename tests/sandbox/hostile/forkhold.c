/* Forks argv[1] children that wait, prints "ready", and exits after argv[2] seconds: it holds
   that many processes of its run for that long. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    for (int i = 0; i < atoi(argv[1]); i++) {
        pid_t pid = fork();
        if (pid < 0) return 3;
        if (pid == 0) {
            pause();
            _exit(0);
        }
    }
    puts("ready");
    fflush(stdout);
    sleep((unsigned)atoi(argv[2]));
    return 0;
}
