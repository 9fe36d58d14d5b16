// `shipshape init`: generates Dockerfiles, .dockerignore files and Compose services for the
// components of a project that have none (see generate/init_plan.h).
#ifndef SHIPSHAPE_CLI_INIT_CMD_H_
#define SHIPSHAPE_CLI_INIT_CMD_H_
namespace shipshape {
/// Runs `shipshape init` with the arguments after `init`; returns the exit code.
int RunInit(int argc, char** argv);
}  // namespace shipshape
#endif  // SHIPSHAPE_CLI_INIT_CMD_H_
