/* Daemonizes the usual way (fork, setsid, fork, close stdio) and sleeps 100 s; the parent
   exits 0 once the daemon is in place. argv[1] is a marker the test looks for in /proc;
   with argv[2] "closeall" the daemon closes every descriptor, not only stdio. */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int ready[2];
    if (pipe(ready) != 0) return 2;
    if (fork() != 0) {
        char byte;
        close(ready[1]);
        return read(ready[0], &byte, 1) == 1 ? 0 : 3;
    }
    setsid();
    if (fork() != 0) return 0;
    int last = argc > 2 && strcmp(argv[2], "closeall") == 0 ? 1024 : 2;
    for (int fd = 0; fd <= last; fd++)
        if (fd != ready[1]) close(fd);
    if (write(ready[1], "r", 1) != 1) return 4;
    close(ready[1]);
    sleep(100);
    return 0;
}
