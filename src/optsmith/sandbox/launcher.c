/* optsmith's launcher, the one process of ours inside a sandboxed run (see launcher.py):
     launch STATUS_FD CGROUP_FDS CPU_S FILE_BYTES NPROC AS_BYTES PATH ARGV0 [ARGS...]
   joins the run's cgroups (comma-separated descriptors of their tasks files, or "-"), sets the
   limits ("-" = leave as is; never above the current hard limit; no core dumps), turns
   non-dumpable (so the program, the same uid, can neither open its descriptors nor ptrace it
   to forge a report), forks, and execs PATH in the child with only descriptors 0-2. Reports
   on STATUS_FD: "exec <CLOCK_MONOTONIC s>" just before execve, "error <why>" if the run
   cannot start, "exit <wait status> <user+sys s> <CLOCK_MONOTONIC s>" after wait4.
     launch --as UID GID COMMAND [ARGS...]
   is root's way into bwrap: drop to UID:GID (no groups) and exec COMMAND. Doing it here and
   not in Python keeps subprocess on vfork: forking a 800 MB caller costs 43 ms. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int status_fd;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int fail(const char *what) {
    dprintf(status_fd, "error %s: %s\n", what, strerror(errno));
    return 126;
}

static int limit(int resource, const char *text, rlim_t extra) {
    struct rlimit current, wanted;
    if (strcmp(text, "-") == 0 || getrlimit(resource, &current) != 0) return 0;
    wanted.rlim_cur = strtoull(text, NULL, 10);
    wanted.rlim_max = wanted.rlim_cur + extra;
    if (current.rlim_max != RLIM_INFINITY && wanted.rlim_max > current.rlim_max)
        wanted.rlim_max = current.rlim_max;
    if (wanted.rlim_cur > wanted.rlim_max) wanted.rlim_cur = wanted.rlim_max;
    return setrlimit(resource, &wanted);
}

int main(int argc, char **argv) {
    if (argc > 4 && strcmp(argv[1], "--as") == 0) {
        uid_t uid = (uid_t)atoi(argv[2]);
        gid_t gid = (gid_t)atoi(argv[3]);
        if (setgroups(0, NULL) || setresgid(gid, gid, gid) || setresuid(uid, uid, uid))
            perror("optsmith launcher: dropping privileges");
        else
            execvp(argv[4], argv + 4);
        perror(argv[4]);
        return 126;
    }
    if (argc < 9) return 125;
    status_fd = atoi(argv[1]);
    fcntl(status_fd, F_SETFD, FD_CLOEXEC);
    unsetenv("PWD"); /* bubblewrap adds it; the program gets exactly the caller's environment */
    for (char *fd = strtok(argv[2], ","); fd && strcmp(fd, "-") != 0; fd = strtok(NULL, ","))
        if (write(atoi(fd), "0", 1) != 1 || close(atoi(fd)) != 0) return fail("join cgroup");
    if (limit(RLIMIT_CORE, "0", 0) || limit(RLIMIT_CPU, argv[3], 1)
        || limit(RLIMIT_FSIZE, argv[4], 0) || limit(RLIMIT_NPROC, argv[5], 0)
        || limit(RLIMIT_AS, argv[6], 0))
        return fail("setrlimit");
    prctl(PR_SET_DUMPABLE, 0);
    pid_t pid = fork();
    if (pid < 0) return fail("fork");
    if (pid == 0) {
        close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
        dprintf(status_fd, "exec %.9f\n", now());
        execv(argv[7], argv + 8);
        _exit(fail(argv[7]));
    }
    int status;
    struct rusage use;
    while (wait4(pid, &status, 0, &use) < 0)
        if (errno != EINTR) return fail("wait4");
    double end = now();
    dprintf(status_fd, "exit %d %.6f %.9f\n", status,
            (double)(use.ru_utime.tv_sec + use.ru_stime.tv_sec)
                + (double)(use.ru_utime.tv_usec + use.ru_stime.tv_usec) / 1e6, end);
    return 0;
}
