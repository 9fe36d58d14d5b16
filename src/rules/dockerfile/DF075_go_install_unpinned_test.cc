// DF075 go-install-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF075.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF075", {
    Bad("FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n"),
    Bad("FROM golang:1.23\nRUN go install -v golang.org/x/tools/gopls@master\n"),
    Good("FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1\n"),
    Good("FROM golang:1.23\nRUN go install ./...\n"),
    Bad("FROM golang:1.23\nRUN cd tools && go install golang.org/x/tools/gopls\n"),
    Bad("FROM golang:1.23\nRUN go get -tool golang.org/x/tools/cmd/stringer\n"),
    Bad("FROM golang:1.23\nRUN go run example.com/gen@latest -out x.go\n"),
    Good("FROM golang:1.23\nRUN go run example.com/gen@v1.2.0 -out x.go input\n"),
    Good("FROM golang:1.23\nRUN go run main.go && go install tool\n"),
    Good("FROM golang:1.23\nRUN go get example.com/pkg@v1.4.0\n"),
    Good("FROM golang:1.23\nRUN go install -ldflags '-s -w' ./cmd/app\n")});

}  // namespace
}  // namespace shipshape
