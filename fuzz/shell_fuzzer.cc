// Shell parser and command queries on arbitrary RUN text.
#include <cstdint>
#include <string>

#include "shell/commands.h"
#include "shell/shell.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  shipshape::shell::Script script = shipshape::shell::Parse(text);
  for (const auto& cmd : script.commands)
    for (const auto& w : cmd.argv)
      if (w.range.end > text.size()) __builtin_trap();
  shipshape::shell::CommandList list(script);
  (void)shipshape::shell::FindDownloadPipedToInterpreter(list);
  return 0;
}
