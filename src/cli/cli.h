// Entry point of the command line. See `shipshape --help`.
#ifndef SHIPSHAPE_CLI_CLI_H_
#define SHIPSHAPE_CLI_CLI_H_
namespace shipshape {
/// Runs the CLI and returns the process exit code (0, 1 or 2).
int RunCli(int argc, char** argv);
}  // namespace shipshape
#endif  // SHIPSHAPE_CLI_CLI_H_
