#!/usr/bin/env python3
"""Moves every rule's inline cases out of the product (issue 15).

For each rule file src/rules/<target>/<CODE>_<name>.cc that still has `.cases = {...}`:
  - writes the sibling <CODE>_<name>_test.cc (compiled into shipshape_tests only) registering
    those cases by code with `const RuleCases kCases("<CODE>", {...})`, together with the helper
    functions only the cases use (configuration setters, workspace builders);
  - replaces `.cases` in the rule by `.fix_example`, the first Bad case with a fixed text (what the
    rule's docs page shows as "Example fix"; the test driver checks that it is one of the cases);
  - drops includes and using-declarations only the cases needed.
Every rule definition becomes `extern constinit const Rule` (its metadata is constant-initialised).

Idempotent: a rule without `.cases` is left alone, so running it again changes nothing. Run it
after merging a branch that still adds cases inline: a rule file with `.cases` is the newest truth
and overwrites its case file.

Usage: scripts/dev/extract_cases.py [--check] [ROOT]   (--check: exit 1 if anything would change)
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cxx_scan import (code_identifiers, code_mask, find_code, match_close, split_top,  # noqa: E402
                      strip_comments)

TARGETS = ('dockerfile', 'compose', 'context', 'runtime')
RULE_FILE = re.compile(r'^(D[FCXR]\d{3})_[a-z0-9_]+(?<!_test)\.cc$')
# Includes only inline cases need; the case file gets them, the rule file loses them when unused.
CASE_ONLY_INCLUDES = {'rules/context/cases.h': ('At', 'WithMode')}
WRAPPERS_WITH_PATH = {'At': 0, 'InFile': 0, 'WithMode': 0}
WRAPPERS = {'WithConfig': 1, 'WithFiles': 1, 'At': 1, 'InFile': 1, 'WithMode': 2}


class Error(Exception):
    pass


def rule_files(root):
    for t in TARGETS:
        d = os.path.join(root, 'src', 'rules', t)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if RULE_FILE.match(name):
                yield os.path.join(d, name), RULE_FILE.match(name).group(1)


def anon_items(text, mask):
    """Top-level declarations of the first `namespace {` as [(start, end, name)]."""
    m = find_code(text, mask, r'namespace\s*\{')
    if not m:
        return []
    open_pos = m.end() - 1
    close = match_close(text, mask, open_pos)
    items, depth, s, i = [], 0, open_pos + 1, open_pos + 1
    while i < close:
        if mask[i]:
            c = text[i]
            if c in '([{':
                depth += 1
            elif c in ')]}':
                depth -= 1
                if depth == 0 and c == '}':
                    j = i + 1
                    while j < close and (text[j].isspace() or not mask[j]):
                        j += 1
                    if j >= close or text[j] != ';':
                        items.append((s, i + 1))
                        s = i + 1
            elif c == ';' and depth == 0:
                items.append((s, i + 1))
                s = i + 1
        i += 1
    out = []
    for s, e in items:
        body = text[s:e]
        bm = code_mask(body)
        first = find_code(body, bm, r'[=({\[;]')
        head = body[:first.start()] if first else body
        names = re.findall(r'[A-Za-z_][A-Za-z0-9_]*', ''.join(
            ch if bm[k] else ' ' for k, ch in enumerate(head)))
        if names and names[0] == 'using':
            continue
        out.append((s, e, names[-1] if names else ''))
    return out


def case_items(text, mask, open_pos, close):
    return [(s, e) for s, e in split_top(text, mask, open_pos + 1, close)]


def call_args(expr):
    """('Name', [arg texts]) for `Name(args)`, or None."""
    expr = strip_comments(expr).rstrip()
    m = re.match(r'(?:[A-Za-z_:]+::)?([A-Za-z_]\w*)\s*\(', expr)
    if not m:
        return None
    mask = code_mask(expr)
    close = match_close(expr, mask, m.end() - 1)
    if close != len(expr) - 1:
        return None
    return m.group(1), [expr[s:e].strip() for s, e in split_top(expr, mask, m.end(), close)]


def designated(expr):
    """{field: text} for `TestCase{.a = x, ...}`, or None."""
    expr = strip_comments(expr).rstrip()
    m = re.match(r'TestCase\s*\{', expr)
    if not m:
        return None
    mask = code_mask(expr)
    close = match_close(expr, mask, m.end() - 1)
    fields = {}
    for s, e in split_top(expr, mask, m.end(), close):
        fm = re.match(r'\s*\.(\w+)\s*=\s*(.*)$', expr[s:e], re.S)
        if fm:
            fields[fm.group(1)] = fm.group(2).strip()
    return fields


def empty_literal(tok):
    return tok in ('', '{}', '""')


def example_of(expr):
    """(path, source, fixed) literal texts if expr is a Bad case with a fixed text, else None."""
    path = None
    while True:
        ca = call_args(expr)
        if ca and ca[0] in WRAPPERS and len(ca[1]) > WRAPPERS[ca[0]]:
            if ca[0] in WRAPPERS_WITH_PATH:
                path = ca[1][WRAPPERS_WITH_PATH[ca[0]]]
            expr = ca[1][WRAPPERS[ca[0]]]
            continue
        break
    if ca and ca[0] == 'Bad':
        if len(ca[1]) == 2 and not empty_literal(ca[1][1]):
            return path, ca[1][0], ca[1][1]
        return None
    if ca and ca[0] == 'Good':
        return None
    d = designated(expr)
    if d is not None:
        if d.get('bad') == 'true' and not empty_literal(d.get('fixed', '')):
            return d.get('path', path), d['source'], d['fixed']
        return None
    raise Error('cannot read case: ' + expr[:80])


def reindent(block, mask, old_col, new_indent):
    """Shift the lines of block (after its first) from column old_col to new_indent, leaving the
    inside of multi-line literals and comments alone."""
    out, i = [], 0
    lines = block.split('\n')
    pos = 0
    for k, line in enumerate(lines):
        if k == 0:
            out.append(line)
        elif mask[pos - 1]:
            lead = len(line) - len(line.lstrip(' '))
            cut = min(lead, old_col)
            out.append((new_indent + line[cut:]) if line.strip() else '')
        else:
            out.append(line)
        pos += len(line) + 1
        i += 1
    return '\n'.join(out)


def convert(path, code, check_only):
    text = open(path, encoding='utf-8').read()
    orig = text
    mask = code_mask(text)
    m = find_code(text, mask, r'\.cases\s*=\s*\{')
    test_path = path[:-3] + '_test.cc'
    test_text = None
    if m:
        open_pos = m.end() - 1
        close = match_close(text, mask, open_pos)
        if close < 0:
            raise Error('unbalanced .cases')
        items = case_items(text, mask, open_pos, close)
        example = None
        for s, e in items:
            example = example_of(text[s:e])
            if example:
                break
        inner = text[open_pos + 1:close]
        inner_mask = mask[open_pos + 1:close]
        line_start = text.rfind('\n', 0, open_pos) + 1
        body = reindent(inner, inner_mask, open_pos + 1 - line_start, '    ')
        # The span to remove: whole lines from `.cases` through its closing brace and comma.
        start = text.rfind('\n', 0, m.start()) + 1
        if text[start:m.start()].strip():
            raise Error('.cases does not start its line')
        end = close + 1
        if end < len(text) and text[end] == ',':
            end += 1
        if text[end:].startswith('\n'):
            end += 1
        replacement = ''
        if example:
            ex_path, src, fixed = example
            fields = ([f'.path = {ex_path}'] if ex_path else []) + [f'.before = {src}',
                                                                     f'.after = {fixed}']
            replacement = '    .fix_example = {' + ', '.join(fields) + '},\n'
        cases_ids = code_identifiers(inner, inner_mask)
        text = text[:start] + text[end:]
        if replacement:
            # Before `.docs` (declaration order; the last member is then always initialised).
            dm = find_code(text, code_mask(text), r'\n[ \t]*\.docs\s*=')
            if not dm:
                raise Error('no .docs to put .fix_example before')
            text = text[:dm.start() + 1] + replacement + text[dm.start() + 1:]
        mask = code_mask(text)
        # Helpers of the anonymous namespace that only the cases use move with them.
        moved = []
        while True:
            items_now = anon_items(text, mask)
            changed = False
            for s, e, name in items_now:
                if not name or name not in cases_ids:
                    continue
                outside = code_identifiers(text[:s] + ' ' * (e - s) + text[e:],
                                           mask[:s] + bytearray(e - s) + mask[e:])
                if name in outside:
                    continue
                moved.insert(0, text[s:e].strip('\n'))
                cases_ids |= code_identifiers(text, mask, s, e)
                text = text[:s] + text[e:]
                mask = code_mask(text)
                changed = True
                break
            if not changed:
                break
        for name in {n for _, _, n in anon_items(text, mask)} & cases_ids:
            if any(name == n for _, _, n in anon_items(text, mask)):
                raise Error(f'cases use `{name}`, which the rule itself also uses')
        includes = re.findall(r'^#include "([^"]+)"\n', orig, re.M)
        usings = [u for u in re.findall(r'^ *(using [^;\n]+;)\n', orig, re.M)]
        case_includes = ['rules/cases.h']
        for inc, names in CASE_ONLY_INCLUDES.items():
            if inc in includes and any(n in cases_ids for n in names):
                case_includes.append(inc)
        if 'MemoryFileSystem' in cases_ids or any('MemoryFileSystem' in h for h in moved):
            case_includes.append('core/workspace.h')
        if moved:
            # Helpers may call anything the rule could; give them the rule's includes.
            case_includes += [i for i in includes if i not in case_includes]
        ids_now = code_identifiers(text, mask)
        for inc, names in CASE_ONLY_INCLUDES.items():
            if not any(n in ids_now for n in names):
                text = text.replace(f'#include "{inc}"\n', '')
        for u in usings:
            uname = last_word(u)
            if uname in CASE_ONLY_INCLUDES.get('rules/context/cases.h', ()) and uname not in ids_now:
                text = re.sub(r'^ *' + re.escape(u) + r'\n', '', text, flags=re.M)
        helpers = '\n\n'.join(h.strip() for h in moved)
        # With moved helpers the case file has the rule's includes, so every using compiles;
        # otherwise only the case helpers' own (`using context::At;`).
        used_usings = usings if moved else [
            u for u in usings if last_word(u) in ('At', 'WithMode')
            and last_word(u) in cases_ids]
        name_m = re.search(r'\.name\s*=\s*"([^"]+)"', orig)
        title = code + (' ' + name_m.group(1) if name_m else '')
        if body.strip():
            test_text = render_case_file(title, code, case_includes, used_usings, helpers, body)
    text = re.sub(r'^extern const Rule (k\w+)', r'extern constinit const Rule \1', text, flags=re.M)
    changed = []
    if text != orig:
        changed.append(path)
        if not check_only:
            open(path, 'w', encoding='utf-8').write(text)
    if test_text is not None:
        old = open(test_path, encoding='utf-8').read() if os.path.exists(test_path) else None
        if old != test_text:
            changed.append(test_path)
            if not check_only:
                open(test_path, 'w', encoding='utf-8').write(test_text)
    return changed


def last_word(using):
    m = re.search(r'(\w+);$', using)
    return m.group(1) if m else ''


def render_case_file(title, code, includes, usings, helpers, body):
    out = [f'// {title}',
           '// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and',
           f'// renders the Bad ones into tests/snapshots/rules/{code}.snap.']
    for inc in sorted(set(includes), key=lambda i: (i != 'rules/cases.h', i)):
        out.append(f'#include "{inc}"')
    out += ['', 'namespace shipshape {', 'namespace {', '']
    if usings:
        out += usings + ['']
    if helpers:
        out += [helpers, '']
    out.append(f'const RuleCases kCases("{code}", {{\n    {body.strip()}}});')
    out += ['', '}  // namespace', '}  // namespace shipshape', '']
    return '\n'.join(out)


def main(argv):
    check = '--check' in argv
    args = [a for a in argv if not a.startswith('--')]
    root = args[0] if args else os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    changed, errors = [], []
    for path, code in rule_files(root):
        try:
            changed += convert(path, code, check)
        except Error as e:
            errors.append(f'{path}: {e}')
    for e in errors:
        print('error:', e, file=sys.stderr)
    for c in changed:
        print(('would change ' if check else 'wrote ') + os.path.relpath(c, root))
    if errors:
        return 2
    return 1 if (check and changed) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
