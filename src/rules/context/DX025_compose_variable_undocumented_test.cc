// DX025 compose-variable-undocumented
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX025.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX025", {
    At(".env.example", Bad("A=1\n",
                     "A=1\n\n# Required: no default in the Compose file.\n"
                     "# Compose refuses to start without it: set it\nDB_PASSWORD=\nTAG=\n\n"
                     "# Optional: the Compose file has a fallback; uncomment to override it.\n"
                     "# PORT=8080\n"),
    {{"compose.yaml", "services:\n  web:\n    image: \"app:${TAG}\"\n    environment:\n"
                   "      DB_PASSWORD: ${DB_PASSWORD:?set it}\n      PORT: ${PORT:-8080}\n"}}),
    At(".env", Bad("A=1\n"),
    {{"docker-compose.yml", "services:\n  db:\n    image: postgres\n    environment:\n"
                         "      POSTGRES_PASSWORD: $DB_PASSWORD\n"}}),
    At("deploy/.env.sample", Bad("TAG=latest\r\n",
                           "TAG=latest\r\n\r\n# Required: no default in the Compose file.\r\n"
                           "API_KEY=\r\n"),
    {{"deploy/compose.yaml", "services:\n  api:\n    image: api:${TAG}\n"
                          "    command: [\"serve\", \"--key=${API_KEY}\"]\n"}}),
    At(".env.example", Good("DB_PASSWORD=\n# TAG=latest\n"),
    {{"compose.yaml", "services:\n  web:\n    image: \"app:${TAG}\"\n"
                   "    environment:\n      P: ${DB_PASSWORD}\n"}}),
    At(".env", Good("DB_PASSWORD=x\n"),
    {{"compose.yaml", "services:\n  db:\n    image: postgres\n"
                   "    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n"}}),
    // The template speaks for the directory, not .env.
    At(".env", Good("A=1\n"),
    {{".env.example", "DB_PASSWORD=\n"},
    {"compose.yaml", "services:\n  db:\n    environment:\n      P: ${DB_PASSWORD}\n"}}),
    At(".env", Good("A=1\n")),
    // Optional settings the .env documents as comments (eShopOnContainers).
    At(".env", Good("A=1\n#AZURE_STORAGE_KEY=<YourAzureStorageKey>\n"),
    {{"docker-compose.override.yml",
    "services:\n  api:\n    environment:\n      - Key=${AZURE_STORAGE_KEY}\n"}}),
    At(".env", Good(""),
    {{"compose.yaml", "services:\n  web:\n    image: \"app:${TAG:-latest}\"\n"
                   "    volumes:\n      - ${PWD}:/src\n    command: echo $$HOME\n"}})});

}  // namespace
}  // namespace shipshape
