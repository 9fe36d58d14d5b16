#include "shell/shell.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace shipshape::shell {
namespace {

struct DumpCase {
  const char* input;
  const char* dump;
};

void ExpectDumps(const DumpCase* cases, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    Script s = Parse(cases[i].input);
    EXPECT_EQ(Dump(s, cases[i].input), cases[i].dump) << "input: " << cases[i].input;
  }
}

TEST(ShellParseTest, ListsAndPipelines) {
  static const DumpCase kCases[] = {
      {"", ""},
      {"   ", ""},
      {"echo hi", "echo hi"},
      {"a && b || c; d & e", "a &&\nb ||\nc ;\nd &\ne"},
      {"a\nb\n\nc", "a NL\nb NL\nc"},
      {"a &&\n  b", "a &&\nb"},
      {"curl -fsSL x | sh", "curl -fsSL x |\nsh"},
      {"a |& b | c", "a |&\nb |\nc"},
      {"! grep x f", "! grep x f"},
      {"a;b;c", "a ;\nb ;\nc"},
      {"a  \\\n  && b", "a &&\nb"},
      {"echo a\\\nb", "echo ab"},
  };
  ExpectDumps(kCases, std::size(kCases));
}

TEST(ShellParseTest, Quoting) {
  static const DumpCase kCases[] = {
      {"echo 'a b' \"c d\" e\\ f", "echo a b c d e f"},
      {"echo \"it's\" 'say \"hi\"'", "echo it's say \"hi\""},
      {"echo \"a\\\"b\\$c\\\\d\\e\"", "echo a\"b$c\\d\\e"},
      {"echo $'a\\tb\\x41\\'c'", "echo a\tbA'c"},
      {"echo $\"loc\"", "echo loc"},
      {"echo a'b'\"c\"d", "echo abcd"},
      {"echo \"$HOME/x\" ${A:-b} $1 $@", "echo ~$HOME/x ~${A:-b} ~$1 ~$@"},
      {"echo $((1 + (2*3))) $[1+1]", "echo ~$((1 + (2*3))) ~$[1+1]"},
      {"ls *.txt 'q*' a[bc] [ x ]", "ls ~*.txt q* ~a[bc] [ x ]"},
      {"echo a#b #comment", "echo a#b"},
      {"echo \"${X:-\"a}\"}\"", "echo ~${X:-\"a}\"}"},
      {"echo $", "echo $"},
  };
  ExpectDumps(kCases, std::size(kCases));
}

TEST(ShellParseTest, CompoundCommands) {
  static const DumpCase kCases[] = {
      {"(cd /x && make) || true", "  [sub] cd /x &&\n  [sub] make\ntrue"},
      {"{ a; b; } > log", "  [grp] a ;\n  [grp] b ;"},
      {"if [ -f x ]; then a; elif b; then c; else d; fi; e",
       "  [if] [ -f x ] ;\n  [if] a ;\n  [if] b ;\n  [if] c ;\n  [if] d ;\ne"},
      {"for f in a b; do rm $f; done", "  [for] rm ~$f ;"},
      {"for ((i=0;i<3;i++)); do x; done", "  [for] x ;"},
      {"while read l; do echo $l; done < f", "  [while] read l ;\n  [while] echo ~$l ;"},
      {"until false\ndo\n x\ndone", "  [until] false NL\n  [until] x NL"},
      {"case $x in a|b) one;; (c) two ;; *) three;; esac",
       "  [case] one\n  [case] two\n  [case] three"},
      {"case $x in\n  a) one\n  ;;\nesac; z", "  [case] one NL\nz"},
      {"f() { echo hi; }; f", "    [grp] echo hi ;\nf"},
      {"function g { x; }", "    [grp] x ;"},
      {"function h() ( y )", "    [sub] y"},
      {"(( i++ )) && echo", "echo"},
      {"[[ -f a && $b < c ]] && d", "[[ -f a && ~$b < c ]] &&\nd"},
      {"if ! command -v x >/dev/null; then y; fi", "  [if] ! command -v x >/dev/null ;\n  [if] y ;"},
  };
  ExpectDumps(kCases, std::size(kCases));
}

TEST(ShellParseTest, AssignmentsAndRedirects) {
  static const DumpCase kCases[] = {
      {"DEBIAN_FRONTEND=noninteractive apt-get install -y x",
       "DEBIAN_FRONTEND=noninteractive apt-get install -y x"},
      {"A=1 B=\"two words\"", "A=1 B=two words"},
      {"arr=(a b c) x", "arr=(a b c) x"},
      {"echo A=1", "echo A=1"},
      {"cmd >out 2>&1 </dev/null", "cmd >out 2>&1 </dev/null"},
      {"cmd &>log >>app 2> err", "cmd &>log >>app 2>err"},
      {"cat <<<\"$x\"", "cat <<<~$x"},
      {"cat <<EOF >f\nline $x\nEOF\necho next", "cat <<EOF{line $x\n} >f NL\necho next"},
      {"cat <<-'E' | sh\n\tbody\n\tE\nz", "cat <<-E{\tbody\n} |\nsh NL\nz"},
      {"cat <<EOF", "cat <<EOF{}"},
  };
  ExpectDumps(kCases, std::size(kCases));
}

TEST(ShellParseTest, Substitutions) {
  static const DumpCase kCases[] = {
      {"echo $(date)", "echo ~$(date)\n  [$()] date"},
      {"sh -c \"$(curl -fsSL u | sed s/a/b/)\"",
       "sh -c ~$(curl -fsSL u | sed s/a/b/)\n  [$()] curl -fsSL u |\n  [$()] sed s/a/b/"},
      {"x=`uname -m` y", "~x=`uname -m` y\n  [``] uname -m"},
      {"echo $(a $(b) c)", "echo ~$(a $(b) c)\n  [$()] a ~$(b) c\n    [$()] b"},
      {"diff <(sort a) b", "diff ~<(sort a) b\n  [<()] sort a"},
      {"echo \"v=$(cat /v)\"", "echo ~v=$(cat /v)\n  [$()] cat /v"},
      {"echo ${X:-$(id -u)}", "echo ~${X:-$(id -u)}\n  [$()] id -u"},
  };
  ExpectDumps(kCases, std::size(kCases));
}

TEST(ShellParseTest, ExactRanges) {
  std::string_view src = "A=1 apt-get  install -y 'x y' && rm -rf /v 2>/dev/null";
  Script s = Parse(src);
  ASSERT_EQ(s.commands.size(), 2u);
  const Command& c0 = s.commands[0];
  EXPECT_EQ(c0.range.Of(src), "A=1 apt-get  install -y 'x y'");
  EXPECT_EQ(c0.assignments[0].range.Of(src), "A=1");
  EXPECT_EQ(c0.argv[3].range.Of(src), "'x y'");
  EXPECT_EQ(c0.argv[3].value(), "x y");
  EXPECT_TRUE(c0.argv[3].IsQuoted());
  EXPECT_TRUE(c0.argv[3].IsStatic());
  EXPECT_FALSE(c0.argv[1].owned);  // unchanged words do not allocate
  EXPECT_EQ(c0.connector, Connector::kAnd);
  EXPECT_EQ(c0.connector_range.Of(src), "&&");
  const Command& c1 = s.commands[1];
  EXPECT_EQ(c1.range.Of(src), "rm -rf /v 2>/dev/null");
  ASSERT_EQ(c1.redirects.size(), 1u);
  EXPECT_EQ(c1.redirects[0].range.Of(src), "2>/dev/null");
  EXPECT_EQ(c1.redirects[0].fd, 2);
  EXPECT_EQ(c1.redirects[0].target.range.Of(src), "/dev/null");
}

TEST(ShellParseTest, PipelinesAndNesting) {
  std::string_view src = "set -e; curl -sL u | (cd /t && tar xz) && echo $(a | b)";
  Script s = Parse(src);
  ASSERT_EQ(s.commands.size(), 7u);
  EXPECT_EQ(s.commands[1].name(), "curl");
  EXPECT_EQ(s.commands[1].pipeline, 0);
  EXPECT_EQ(s.commands[1].pipeline_pos, 0);
  ASSERT_EQ(s.pipelines.size(), 2u);
  EXPECT_EQ(s.pipelines[0].size, 2);
  EXPECT_EQ(s.pipelines[0].range.Of(src), "curl -sL u | (cd /t && tar xz)");
  EXPECT_EQ(s.commands[2].name(), "cd");
  EXPECT_EQ(s.commands[2].depth, 1);
  const Block& sub = s.blocks[s.commands[2].block];
  EXPECT_EQ(sub.kind, BlockKind::kSubshell);
  EXPECT_EQ(sub.pipeline, 0);
  EXPECT_EQ(sub.pipeline_pos, 1);
  EXPECT_EQ(sub.connector, Connector::kAnd);
  EXPECT_EQ(sub.range.Of(src), "(cd /t && tar xz)");
  EXPECT_EQ(s.commands[4].name(), "echo");
  EXPECT_EQ(s.commands[5].name(), "a");
  EXPECT_EQ(s.commands[5].pipeline_pos, 0);
  EXPECT_EQ(s.commands[6].pipeline_pos, 1);
  const Block& cs = s.blocks[s.commands[5].block];
  EXPECT_EQ(cs.kind, BlockKind::kCommandSubst);
  EXPECT_EQ(cs.command, 4);
  EXPECT_EQ(cs.range.Of(src), "$(a | b)");
  EXPECT_TRUE(s.IsInside(5, BlockKind::kCommandSubst));
  EXPECT_FALSE(s.IsInside(4, BlockKind::kCommandSubst));
}

TEST(ShellParseTest, ConditionsAndComments) {
  std::string_view src = "# c1\nif test -f a # c2\nthen b; fi";
  Script s = Parse(src);
  ASSERT_EQ(s.commands.size(), 2u);
  EXPECT_TRUE(s.commands[0].in_condition);
  EXPECT_FALSE(s.commands[1].in_condition);
  ASSERT_EQ(s.comments.size(), 2u);
  EXPECT_EQ(s.comments[0].Of(src), "# c1");
  EXPECT_EQ(s.comments[1].Of(src), "# c2");
  EXPECT_TRUE(s.ok());
}

TEST(ShellParseTest, BaseOffsetAndClamp) {
  Script s = Parse("a b", {.base = 10});
  EXPECT_EQ(s.commands[0].argv[1].range, (TextRange{12, 13}));
  Script t = Parse("abc def", {.base = 10, .clamp_end = 14});
  EXPECT_EQ(t.commands[0].argv[1].range, (TextRange{14, 14}));
}

TEST(ShellParseTest, MalformedInputRecovers) {
  static const char* kInputs[] = {
      "echo 'unterminated", "echo \"unterminated", "echo $(unterminated", "echo `x",
      "if a; then b", "fi; echo x", ") x", "a && ", "| b", "case x in", "for", "{ a",
      "echo ${", "f() ", "a ;; b", "cat <<", "while; do", "$'\\", "\\", "((", "'\"'\"",
      "case a in b) c", "echo $((", "x=(", "a | ", "a || || b", "<(", "[[ a", "}",
  };
  for (const char* in : kInputs) {
    Script s = Parse(in);
    (void)Dump(s, in);
  }
  Script s = Parse("fi; echo x");
  EXPECT_FALSE(s.ok());
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(s.commands[0].name(), "echo");
  Script u = Parse("echo 'oops; rm -rf /");
  EXPECT_FALSE(u.ok());
  ASSERT_EQ(u.commands.size(), 1u);
  EXPECT_EQ(u.commands[0].argv[1].value(), "oops; rm -rf /");
}

double SecondsToParse(const std::string& in) {
  auto t0 = std::chrono::steady_clock::now();
  Script s = Parse(in);
  (void)s;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

TEST(ShellParseTest, HostileInputsAreBoundedAndLinear) {
  std::vector<std::string> inputs;
  std::string nested;
  for (int i = 0; i < 10000; ++i) nested += "$(";
  inputs.push_back("echo " + nested);
  inputs.push_back("echo " + nested + "x" + std::string(10000, ')'));
  inputs.push_back(std::string(1 << 20, '('));
  inputs.push_back("echo " + std::string(1 << 20, '('));
  inputs.push_back(std::string(1 << 20, ')'));
  std::string subs;
  for (int i = 0; i < 5000; ++i) subs += "( ";
  inputs.push_back(subs);
  std::string braces;
  for (int i = 0; i < 5000; ++i) braces += "{ ";
  inputs.push_back(braces);
  std::string ifs;
  for (int i = 0; i < 5000; ++i) ifs += "if a; then ";
  inputs.push_back(ifs);
  std::string dq;
  for (int i = 0; i < 5000; ++i) dq += "\"$(echo ";
  inputs.push_back(dq);
  std::string bq;
  for (int i = 0; i < 5000; ++i) bq += "${x:-";
  inputs.push_back(bq);
  inputs.push_back(std::string(1 << 20, '['));
  inputs.push_back(std::string(1 << 20, '`'));
  inputs.push_back(std::string(1 << 20, '\\'));
  inputs.push_back(std::string(1 << 20, '\''));
  inputs.push_back(std::string(1 << 20, '$'));
  inputs.push_back(std::string(1 << 18, '|'));
  inputs.push_back(std::string("a\0b && c\0", 9));
  inputs.push_back("echo \xff\xfe \xc3\x28 '\x80'");
  std::string heredocs;
  for (int i = 0; i < 2000; ++i) heredocs += "cat <<E" + std::to_string(i) + " ";
  inputs.push_back(heredocs + "\nbody\n");
  for (const std::string& in : inputs) {
    double secs = SecondsToParse(in);
    // Linear inputs take milliseconds (well under 1 s even with ASan); a quadratic path on 1 MB
    // would take minutes.
    EXPECT_LT(secs, 10.0) << "input starts with: " << in.substr(0, 20);
    Script s = Parse(in);
    for (const Command& c : s.commands) {
      EXPECT_LE(c.range.end, in.size());
      EXPECT_LE(c.depth, kMaxNesting);
    }
    EXPECT_LE(s.errors.size(), 64u);
  }
  Script nul = Parse(std::string("a\0b && c", 8));
  ASSERT_EQ(nul.commands.size(), 2u);
  EXPECT_EQ(nul.commands[0].argv[0].value().size(), 3u);
}

}  // namespace
}  // namespace shipshape::shell
