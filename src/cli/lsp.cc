// `shipshape lsp [--stdio]`: the language server on stdin/stdout (lsp/lsp.h).
#include <cstdio>

#include "cli/command.h"
#include "lsp/lsp.h"

namespace shipshape::cli {

int RunLsp(const Options&) { return lsp::Run(stdin, stdout); }

}  // namespace shipshape::cli
