/* Forks children that wait forever until fork fails; prints how many it got. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int n = 0;
    for (;;) {
        pid_t pid = fork();
        if (pid < 0) break;
        if (pid == 0) {
            pause();
            _exit(0);
        }
        n++;
    }
    printf("%d\n", n);
    return 0;
}
