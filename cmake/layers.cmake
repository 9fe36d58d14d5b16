# The layers of shipshape, lowest first, each one static library (shipshape_<layer>) with its
# sources listed here. A layer may include and call only itself and the layers declared before it;
# each library links the one below it PRIVATE, and the include check (cmake/check_layers.cmake, a
# build step every library waits for) fails the build when a file includes a header of a higher
# layer, includes a test helper, or belongs to no layer. The graph is declared once, here; README
# "Layout" lists it.
#
# shipshape_layer(NAME FILE...)  paths relative to src/. A new .cc or .h goes in exactly one list
# (the check names the file that is in none). The rule files themselves (src/rules/<kind>/XX000_*.cc)
# are globbed into `rules` in CMakeLists.txt: the registry lists every rule and a test checks it.

# 1. Source loading, diagnostics, line index, safe open (beneath), git index, text diffs.
shipshape_layer(core
  core/beneath.cc core/beneath.h core/diagnostic.cc core/diagnostic.h core/diff.cc core/diff.h
  core/embedded.h core/git_index.cc core/git_index.h core/line_index.cc core/line_index.h
  core/result.h core/source.cc core/source.h core/text_range.h core/workspace.cc core/workspace.h
  core/strings.cc core/strings.h)

# 2. Parsers: YAML, Dockerfile, shell, Compose (parse, merge, edit, schema), interpolation, .env
# files, config files, .dockerignore matching.
shipshape_layer(parsers
  yaml/yaml.cc yaml/yaml.h
  dockerfile/dockerfile.h dockerfile/internal.h dockerfile/model.cc dockerfile/parser.cc
  dockerfile/ignore_comment.cc dockerfile/ignore_comment.h
  shell/commands.cc shell/commands.h shell/shell.cc shell/shell.h
  compose/compose.cc compose/compose.h compose/edit.cc compose/edit.h compose/project.cc
  compose/schema.cc compose/schema.h
  interpolate/interpolate.cc interpolate/interpolate.h
  envfile/envfile.cc envfile/envfile.h
  config/config.h config/loader.cc config/loader.h
  compose/detect.cc compose/detect.h
  patterns/dockerignore.cc patterns/dockerignore.h patterns/gitignore.cc patterns/gitignore.h
  patterns/glob.cc patterns/glob.h)

# 3. Knowledge and models: known images, secret shapes, stacks, Compose service roles and
# workspace links, the running-container model read from `docker inspect` JSON.
shipshape_layer(models
  compose/known_images.cc compose/known_images.h compose/service_role.cc compose/service_role.h
  compose/workspace_links.cc compose/workspace_links.h
  rules/secrets.cc rules/secrets.h
  compose/image_notes.cc compose/image_notes.h compose/swarm_schema.cc compose/swarm_schema.h
  knowledge/capabilities.cc knowledge/capabilities.h knowledge/host_paths.cc knowledge/host_paths.h
  models/arg_scope.cc models/arg_scope.h models/compose_build.cc models/compose_build.h
  models/dockerfile_stages.cc models/dockerfile_stages.h
  generate/stack.cc generate/stack.h generate/detect.cc generate/detect.h
  generate/dockerfile_gen.cc generate/dockerfile_gen.h generate/multistage.cc generate/multistage.h
  runtime/container.cc runtime/container.h runtime/inspect_json.cc runtime/inspect_json.h)

# 4. Rules (plus the rule files globbed in CMakeLists.txt) and the small emitters their fixes use.
shipshape_layer(rules
  rules/rule.cc rules/rule.h rules/registry.cc rules/registry.h rules/docs.cc rules/docs.h
  rules/pins.cc rules/pins.h rules/util.cc rules/util.h
  rules/compose/compose_util.cc rules/compose/compose_util.h
  rules/compose/secret_env.cc rules/compose/secret_env.h
  rules/rules.def rules/context/context_util.cc rules/context/context_util.h
  rules/context/script_util.cc rules/context/script_util.h
  rules/dockerfile/rpm_checks.cc rules/dockerfile/rpm_checks.h
  rules/dockerfile/run_analysis.cc rules/dockerfile/run_analysis.h
  rules/dockerfile/shellcheck_bridge.cc rules/dockerfile/shellcheck_bridge.h
  runtime/finding.cc runtime/finding.h
  emit/dockerignore.cc emit/dockerignore.h emit/env_example.cc emit/env_example.h
  compose/build_facts.cc compose/build_facts.h rules/compose/build_facts_util.cc
  rules/compose/build_facts_util.h generate/init_plan.cc generate/init_plan.h)

# 5. The lint driver (suppressions, per-file-kind runs) and the fixer (fixpoint, fix session).
shipshape_layer(lint
  lint/linter.cc lint/linter.h lint/internal.h lint/compose_lint.cc lint/container_lint.cc
  lint/container_lint.h lint/suppression.cc lint/suppression.h
  fix/fixer.cc fix/fixer.h fix/override.cc fix/override.h fix/session.cc fix/session.h)

# 6. Reporters.
shipshape_layer(report
  report/report.cc report/report.h report/reporters.cc report/reporters.h
  report/render_util.cc report/render_util.h report/priorities.cc report/priorities.h
  report/json_writer.cc report/json_writer.h report/json_dom.h
  report/text.cc report/json.cc report/sarif.cc report/markdown.cc report/html.cc
  report/ci_formats.cc)

# 7. Applications over the pipeline: the language server, `inspect` (and its Docker Engine
# socket client).
shipshape_layer(app
  lsp/lsp.cc lsp/lsp.h
  runtime/inspect.cc runtime/inspect.h runtime/engine.cc runtime/engine.h)

# 8. The command line: arguments, discovery, writes, output. main.cc is the executable's.
shipshape_layer(cli
  cli/cli.cc cli/cli.h cli/command.h cli/check.cc cli/fix.cc cli/inspect.cc cli/lsp.cc
  cli/parse.cc cli/rules.cc cli/discover.cc cli/discover.h cli/writer.cc cli/writer.h
  cli/init_cmd.cc cli/init_cmd.h)

# Test helpers: only tests and benchmarks include them (a product file that does fails the check).
set(SHIPSHAPE_TEST_SUPPORT
  testing/cli_run.h testing/docker_compose.h testing/spawn.h runtime/test_util.h
  rules/cases.h rules/context/cases.h
  report/many_findings.h)
