#include "cli/cli.h"

int main(int argc, char** argv) { return shipshape::RunCli(argc, argv); }
