# pregon: build the library, the command and the tests.  `make run` and
# `make check` also install the Debian packages they need when missing.

BUILD    ?= build/rel
BIN      ?= ./pregon
PREFIX   ?= /usr/local
DATADIR  ?= $(PREFIX)/share/pregon
LOCALEDIR ?= $(PREFIX)/share/locale

PKGS      = libpcre2-8 yaml-0.1 libutf8proc jansson hunspell libidn2 nettle libmicrohttpd
TEST_PKGS = cmocka

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wwrite-strings -Wformat=2
ifeq ($(WERROR),1)
WARN     += -Werror
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TEST_LIBS  := $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARN) $(CFLAGS) $(PKG_CFLAGS) -D_GNU_SOURCE \
             -DPREGON_DATADIR='"$(DATADIR)"' -MMD -MP
LDLIBS     = $(PKG_LIBS) -lpthread -lm

LIB_SRC = src/util.c src/ytree.c src/text.c src/date.c src/document.c \
          src/regex.c src/count.c src/batch.c src/config.c src/ruleset.c src/engine.c src/score.c src/baseline.c \
          src/business_days.c src/syllables.c src/readability.c \
          src/kinds/kinds.c src/kinds/pattern.c src/kinds/substitution.c \
          src/kinds/caps.c src/kinds/repetition.c src/kinds/front_matter.c \
          src/kinds/spelling.c src/kinds/offensive.c src/spanish.c \
          src/kinds/length.c src/kinds/links.c src/kinds/spam.c \
          src/kinds/personal_data.c src/kinds/personal_data_numbers.c \
          src/kinds/personal_data_words.c src/kinds/personal_data_validate.c \
          src/mask.c src/kinds/promotion.c src/kinds/electoral.c \
          src/suppress.c src/kinds/suppression.c src/discover.c src/fix.c \
          src/kinds/endorsement.c src/kinds/clarity.c \
          src/format/text.c src/format/json.c \
          src/format/shared.c src/format/sarif.c src/format/github.c \
          src/format/rdjson.c src/format/checkstyle.c src/format/gitlab.c \
          src/format/line.c src/format/stream.c src/client.c \
          src/registry/registry.c src/registry/registry_check.c src/activity_log.c \
          src/report/evaluation.c src/report/html.c src/report/json.c
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
# The language server (`pregon lsp`), a second client of pregon.h.
LSP_SRC = src/lsp/server.c src/lsp/actions.c src/lsp/rpc.c src/lsp/position.c
LIB     = $(BUILD)/libpregon.a
# the command: main.c and the client code beside it (the subcommands
# pregon lsp, comments, accounts, report and serve, the --log hook)
CLI_SRC = src/main.c src/cli/pool.c src/cli/comments.c src/cli/common.c \
          src/cli/accounts.c src/cli/report.c $(LSP_SRC) \
          src/serve.c src/serve/api.c
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/%.o)

UNIT_SRC = tests/unit/test_text.c tests/unit/test_date.c \
           tests/unit/test_score.c tests/unit/test_ytree.c \
           tests/unit/test_document.c tests/unit/test_spanish.c \
           tests/unit/test_count.c tests/unit/test_personal_data.c \
           tests/unit/test_calendar.c tests/unit/test_promotion.c \
           tests/unit/test_suppress.c tests/unit/test_discover.c \
           tests/unit/test_fix.c tests/unit/test_format.c \
           tests/unit/test_business_days.c tests/unit/test_syllables.c \
           tests/unit/test_readability.c tests/unit/test_lsp_rpc.c tests/unit/test_lsp_position.c \
           tests/unit/test_registry.c tests/unit/test_serve_api.c
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
GOLDEN_BIN = $(BUILD)/tests/golden
CORPUS_BIN = $(BUILD)/tests/corpus_fp
CONFORMANCE_BIN = $(BUILD)/tests/conformance_twitter
EVAL_BIN = $(BUILD)/tests/evaluacion
PII_EVAL_BIN = $(BUILD)/tests/eval_personal_data
PROMO_EVAL_BIN = $(BUILD)/tests/eval
CLARITY_BIN = $(BUILD)/tests/clarity_corpus
COMMENTS_EVAL_BIN = $(BUILD)/tests/eval_comments

SUPPORT_OBJ = $(BUILD)/tests/support.o
FUZZ_TARGETS = document config rules check lsp registry log
# The language server's reader and positions: its unit tests and fuzz
# target link them (every fuzz binary does, for one link line).
LSP_CORE_OBJ = src/lsp/rpc.o src/lsp/position.o src/cli/common.o
REPLAY_BIN = $(FUZZ_TARGETS:%=$(BUILD)/tests/replay-%)

MO = locale/en/LC_MESSAGES/pregon.mo

.PHONY: all run check test asan valgrind bench deps clean install uninstall lint \
        format pot check-unit check-golden check-errors check-rules \
        check-header check-corpus check-conformance check-install \
        check-dictionaries check-eval check-eval-c check-leaks check-fuzz check-robustness check-precommit check-parallel fuzz \
        check-readme check-formats check-schemas check-baseline check-clarity check-comments check-lsp \
        check-accounts check-accounts-c check-report-browser check-serve

all: $(BIN) $(MO)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The page of `pregon serve`, embedded from src/serve/ (its C files are in CLI_SRC).
SERVE_ASSETS = src/serve/page.html src/serve/page.css src/serve/page.js

$(BIN): $(CLI_OBJ) $(BUILD)/src/serve/assets.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/src/serve/assets.c: $(SERVE_ASSETS) scripts/embed-assets.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-assets.sh $(SERVE_ASSETS) >$@.tmp && mv $@.tmp $@

$(BUILD)/src/serve/assets.o: $(BUILD)/src/serve/assets.c
	$(CC) $(ALL_CFLAGS) -Isrc -c $< -o $@

$(MO): po/en.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

deps:
	@bash scripts/install-deps.sh

# The drafts in examples/ include some that must block: exit 1 is expected.
run: deps
	@$(MAKE) --no-print-directory all
	@$(BIN) --config examples/.pregon.yaml examples/; \
	 s=$$?; [ $$s -le 1 ] || exit $$s

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIB) $(LDLIBS) $(TEST_LIBS)

# The API of `pregon serve` is a client file: linked in beside the library.
$(BUILD)/tests/test_serve_api: tests/unit/test_serve_api.c $(BUILD)/src/serve/api.o \
                               $(BUILD)/src/cli/common.o $(SUPPORT_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -Itests -o $@ $< $(BUILD)/src/serve/api.o \
	  $(BUILD)/src/cli/common.o $(SUPPORT_OBJ) $(LIB) $(LDLIBS) $(TEST_LIBS)

$(BUILD)/tests/test_lsp_%: tests/unit/test_lsp_%.c $(LSP_CORE_OBJ:%=$(BUILD)/%) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LSP_CORE_OBJ:%=$(BUILD)/%) $(LIB) $(LDLIBS) $(TEST_LIBS)

$(GOLDEN_BIN): tests/golden.c $(LIB) $(SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS)

$(CORPUS_BIN): tests/corpus_fp.c $(LIB) $(SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS)

$(CONFORMANCE_BIN): tests/conformance_twitter.c $(LIB) $(SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS)

$(EVAL_BIN): tests/evaluacion.c $(LIB) $(SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS)

$(PROMO_EVAL_BIN): tests/eval.c $(LIB) $(SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS)

$(CLARITY_BIN): tests/clarity_corpus.c $(LIB) $(SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS)

$(COMMENTS_EVAL_BIN): tests/eval_comments.c $(LIB) $(SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS)

# A fuzz target's entry point run over its corpus by a plain driver (its
# objects are kept: make would delete them as intermediate).
.SECONDARY: $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/fuzz_%.o) $(BUILD)/tests/fuzz/replay.o \
            $(BUILD)/tests/fuzz/fuzz_file.o
$(BUILD)/tests/replay-%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/replay.o \
                         $(BUILD)/tests/fuzz/fuzz_file.o $(SUPPORT_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter-out $(LIB),$^) $(LIB) $(LDLIBS)

$(BUILD)/tests/replay-lsp: $(LSP_CORE_OBJ:%=$(BUILD)/%)

$(PII_EVAL_BIN): tests/eval_personal_data.c $(LIB) $(SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS)

TEST_ENV = PREGON_DATA=$(CURDIR) PREGON_LOCALEDIR=$(CURDIR)/locale

check: deps
	@$(MAKE) --no-print-directory all check-unit check-header check-rules \
	  check-golden check-formats check-schemas check-baseline check-errors check-conformance \
	  check-corpus check-clarity check-comments check-dictionaries check-eval check-leaks check-fuzz check-robustness \
	  check-precommit check-parallel check-lsp check-accounts check-report-browser check-serve check-install \
	  check-readme
	@echo "make check: todo correcto"

test: check

check-unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $(TEST_ENV) $$t || exit 1; done

check-header:
	@$(CC) -std=c11 -Wall -Wextra -pedantic -Werror -fsyntax-only -x c src/pregon.h
	@echo "pregon.h: se compila solo con -std=c11 -pedantic"

check-rules: $(BIN) $(MO)
	@for f in rules/*.yaml; do $(TEST_ENV) $(VALGRIND) $(BIN) --test-rules $$f || exit 1; done

check-golden: $(GOLDEN_BIN) $(MO)
	@$(TEST_ENV) $(VALGRIND) $(GOLDEN_BIN) tests/golden

check-errors: $(BIN) $(MO)
	@$(TEST_ENV) bash tests/errors/run.sh $(BIN)
	@$(TEST_ENV) bash tests/config/print-config.sh $(BIN)
	@$(TEST_ENV) bash tests/fix/run.sh $(BIN)

check-conformance: $(CONFORMANCE_BIN)
	@$(TEST_ENV) $(CONFORMANCE_BIN)

check-corpus: $(CORPUS_BIN)
	@$(TEST_ENV) $(CORPUS_BIN)

# Plain language on the government posts: distribution and default thresholds.
check-clarity: $(CLARITY_BIN)
	@$(TEST_ENV) $(VALGRIND) $(CLARITY_BIN)

# pregon comments: the cases of tests/comments, then HatEval against AG.
check-comments: $(BIN) $(MO) $(COMMENTS_EVAL_BIN)
	@$(TEST_ENV) bash tests/comments/run.sh $(BIN)
	@$(TEST_ENV) $(COMMENTS_EVAL_BIN) $(BIN) tests/comments/anotacion-xii.tsv

# The README's first example prints what it shows.
check-readme: $(BIN) $(MO)
	@$(TEST_ENV) bash tests/readme/run.sh $(BIN)

# Every report format of the format cases, compared with its expected file;
# the GitHub step summary through the command.
check-formats: $(GOLDEN_BIN) $(BIN) $(MO)
	@$(TEST_ENV) $(VALGRIND) $(GOLDEN_BIN) --formats tests/golden-formats
	@$(TEST_ENV) bash tests/formats/run.sh $(BIN)

# The SARIF and rdjson of every golden case against their JSON schemas.
check-schemas: $(GOLDEN_BIN) $(BIN) $(MO)
	@$(TEST_ENV) bash tests/schemas/run.sh $(GOLDEN_BIN) $(BIN)

check-baseline: $(BIN) $(MO)
	@$(TEST_ENV) bash tests/baseline/run.sh $(BIN)

# The registry (pregon accounts), the evaluation report (pregon report) and
# the activity log (--log): golden runs, errors included, and the log under
# several processes at once.
check-accounts: check-accounts-c
	@$(TEST_ENV) PREGON_CASES=tests/cuentas/cases bash tests/errors/run.sh $(BIN)
	@$(TEST_ENV) bash tests/cuentas/log.sh $(BIN)

# The subcommands' whole runs, under $(VALGRIND) when set.
ACCOUNTS_DATA = tests/cuentas/data
check-accounts-c: $(BIN) $(MO)
	@$(TEST_ENV) PREGON_TODAY=2026-01-15 $(VALGRIND) $(BIN) accounts --format json \
	  $(ACCOUNTS_DATA)/cuentas.yaml $(ACCOUNTS_DATA)/publicaciones >/dev/null; [ $$? = 1 ]
	@$(TEST_ENV) PREGON_TODAY=2026-01-15 $(VALGRIND) $(BIN) report --no-config \
	  --registry $(ACCOUNTS_DATA)/cuentas.yaml --log $(ACCOUNTS_DATA)/bitacora.jsonl \
	  $(ACCOUNTS_DATA)/publicaciones >/dev/null
	@$(TEST_ENV) PREGON_TODAY=2026-01-15 $(VALGRIND) $(BIN) report --no-config --format json \
	  --log $(ACCOUNTS_DATA)/malos/bitacora-rota.jsonl $(ACCOUNTS_DATA)/publicaciones \
	  >/dev/null 2>&1; [ $$? = 2 ]
	@echo "cuentas: accounts y report terminan limpios"

# The evaluation report rendered in headless Chromium; the screenshots stay
# in build/informe/.
check-report-browser: $(BIN) $(MO)
	@$(TEST_ENV) bash tests/cuentas/browser.sh $(BIN)

# No report format may print a datum a personal-data rule found.
# The pre-commit hook, through pre-commit itself.
check-precommit: $(BIN) $(MO)
	@$(TEST_ENV) bash tests/precommit/run.sh $(BIN)

# `pregon serve`: its options, the API, a burst of requests and the page in
# headless Chromium (tests/serve/run.sh says what each checks).
check-serve: $(BIN) $(MO)
	@$(TEST_ENV) SERVE_WRAPPER="$(VALGRIND)" bash tests/serve/run.sh $(BIN)

# Pathological inputs (10 MB, a 1 MB line, 10,000 rules, loops, FIFOs...).
check-robustness: $(BIN) $(MO)
	@$(TEST_ENV) bash tests/robustness/run.sh $(BIN)

check-parallel: $(BIN) $(MO)
	@$(TEST_ENV) bash tests/parallel/run.sh $(BIN)

# The language server with Neovim, vscode-jsonrpc and hand-made messages;
# under `make valgrind` the server runs under valgrind.
check-lsp: $(BIN) $(MO)
	@$(TEST_ENV) LSP_VALGRIND="$(VALGRIND)" bash tests/lsp/run.sh $(BIN)

# The committed fuzz corpora replayed (CI fuzzes nothing; `make fuzz` does).
check-fuzz: $(REPLAY_BIN)
	@for t in $(FUZZ_TARGETS); do \
	  $(TEST_ENV) $(VALGRIND) $(BUILD)/tests/replay-$$t tests/fuzz/corpus/$$t || exit 1; done

check-leaks: $(GOLDEN_BIN) $(MO)
	@$(TEST_ENV) $(VALGRIND) $(GOLDEN_BIN) --leaks tests/golden tests/golden-formats \
	  examples/borradores

check-dictionaries:
	@bash tests/dictionaries/check.sh

# Evaluation sets: realistic drafts with their expected findings.  The
# programs (categories; personal-data spans) also run under the sanitizers.
check-eval-c: $(EVAL_BIN) $(PII_EVAL_BIN) $(PROMO_EVAL_BIN) $(MO)
	@$(TEST_ENV) $(VALGRIND) $(EVAL_BIN)
	@$(TEST_ENV) $(VALGRIND) $(PII_EVAL_BIN)
	@$(TEST_ENV) $(VALGRIND) $(PROMO_EVAL_BIN)

check-eval: check-eval-c $(BIN)
	@for t in tests/eval/*/run.sh; do $(TEST_ENV) bash $$t $(BIN) || exit 1; done

# The data are found from the checkout run elsewhere, and once installed.
STAGE = $(CURDIR)/build/stage
check-install: all
	@rm -rf $(STAGE)
	@$(MAKE) --no-print-directory install DESTDIR=$(STAGE) PREFIX=/usr >/dev/null
	@cd / && $(CURDIR)/pregon --list-rules 2>/dev/null | grep -q estilo.mayusculas-sostenidas
	@cd / && $(STAGE)/usr/bin/pregon --list-rules 2>/dev/null | grep -q estilo.mayusculas-sostenidas
	@cd / && $(STAGE)/usr/bin/pregon --lang en --date x 2>&1 | grep -q "invalid date"
	@grep -q '^\.TH PREGON 1' $(STAGE)/usr/share/man/man1/pregon.1
	@PATH=$(STAGE)/usr/bin:$$PATH bash -c '. $(STAGE)/usr/share/bash-completion/completions/pregon; \
	  COMP_WORDS=(pregon --form); COMP_CWORD=1; _pregon; [[ "$${COMPREPLY[*]}" == --format ]] && \
	  COMP_WORDS=(pregon --format sa); COMP_CWORD=2; _pregon; [[ "$${COMPREPLY[*]}" == sarif ]] && \
	  COMP_WORDS=(pregon se); COMP_CWORD=1; _pregon; [[ " $${COMPREPLY[*]} " == *" serve "* ]] && \
	  COMP_WORDS=(pregon comments --forma); COMP_CWORD=2; _pregon; [[ "$${COMPREPLY[*]}" == --format ]] && \
	  COMP_WORDS=(pregon comments --format j); COMP_CWORD=3; _pregon; [[ "$${COMPREPLY[*]}" == json ]]'
	@$(MAKE) --no-print-directory uninstall DESTDIR=$(STAGE) PREFIX=/usr >/dev/null
	@left=$$(find $(STAGE) -type f); [ -z "$$left" ] || { echo "uninstall dejó: $$left"; exit 1; }
	@echo "instalación: las reglas, el catálogo, la página de manual y el completado se instalan y se desinstalan; se encuentran desde otra carpeta"

# Sanitizers: a separate build tree, the whole suite.
asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/pregon \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" \
	  all check-unit check-rules check-golden check-formats check-baseline check-errors \
	  check-conformance check-corpus check-clarity check-comments check-eval-c check-leaks check-fuzz check-lsp \
	  check-accounts check-serve
	@echo "make asan: todo correcto"

# PCRE2's JIT code is opaque to valgrind: the interpreter runs here, the JIT
# under `make asan`.
valgrind: all $(GOLDEN_BIN)
	@PREGON_NO_JIT=1 $(MAKE) --no-print-directory check-golden check-formats \
	  check-rules check-leaks check-eval-c check-comments check-clarity check-lsp check-accounts-c check-serve \
	  VALGRIND="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect"
	@echo "make valgrind: todo correcto"

# libFuzzer (clang) on every target, FUZZ_SECONDS each; new inputs go to
# build/fuzz/corpus/, crashes to build/fuzz/crashes/.  Commit what is worth
# keeping to tests/fuzz/corpus/ (a crash becomes a regression input).
FUZZ_SECONDS ?= 60
FUZZ_BUILD = build/fuzz
FUZZ_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz:
	@bash scripts/install-deps.sh --fuzz
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang \
	  CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" \
	  $(FUZZ_BUILD)/libpregon.a $(FUZZ_BUILD)/tests/support.o \
	  $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/tests/fuzz/fuzz_%.o) $(FUZZ_BUILD)/tests/fuzz/fuzz_file.o \
	  $(LSP_CORE_OBJ:%=$(FUZZ_BUILD)/%)
	@mkdir -p $(FUZZ_BUILD)/crashes
	@for t in $(FUZZ_TARGETS); do \
	  clang $(FUZZ_FLAGS) -fsanitize=fuzzer -o $(FUZZ_BUILD)/fuzz-$$t \
	    $(FUZZ_BUILD)/tests/fuzz/fuzz_$$t.o $(FUZZ_BUILD)/tests/fuzz/fuzz_file.o \
	    $(FUZZ_BUILD)/tests/support.o $(LSP_CORE_OBJ:%=$(FUZZ_BUILD)/%) \
	    $(FUZZ_BUILD)/libpregon.a $(LDLIBS) || exit 1; \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  $(TEST_ENV) $(FUZZ_BUILD)/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t- \
	    $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	done

bench: all
	@bash bench/run.sh $(BIN)

MANDIR        ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/rules \
	  $(DESTDIR)$(DATADIR)/dictionaries $(DESTDIR)$(LOCALEDIR)/en/LC_MESSAGES \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPLETIONDIR)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/pregon
	install -m 644 rules/*.yaml $(DESTDIR)$(DATADIR)/rules/
	install -d $(DESTDIR)$(DATADIR)/rules/datos
	install -m 644 rules/datos/*.yaml $(DESTDIR)$(DATADIR)/rules/datos/
	install -m 644 dictionaries/*.dic $(DESTDIR)$(DATADIR)/dictionaries/
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/en/LC_MESSAGES/pregon.mo
	install -m 644 man/pregon.1 $(DESTDIR)$(MANDIR)/man1/pregon.1
	install -m 644 completions/pregon.bash $(DESTDIR)$(COMPLETIONDIR)/pregon

# Everything install put there, and the folders it made that are left empty.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pregon $(DESTDIR)$(MANDIR)/man1/pregon.1 \
	  $(DESTDIR)$(COMPLETIONDIR)/pregon $(DESTDIR)$(LOCALEDIR)/en/LC_MESSAGES/pregon.mo
	rm -rf $(DESTDIR)$(DATADIR)

pot:
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=P_:1,2 \
	  --language=C --no-location --sort-output -o po/pregon.pot \
	  $(LIB_SRC) $(CLI_SRC) src/*.h src/cli/*.h src/lsp/*.h src/kinds/*.h
	msgmerge --update --no-fuzzy-matching --sort-output po/en.po po/pregon.pot

# Static analysis: cppcheck, and clang-tidy with the checks of .clang-tidy
# (each one left out is justified there; an exception in the code says why
# where it is made).
lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem -D_GNU_SOURCE src
	clang-tidy --quiet $(LIB_SRC) $(CLI_SRC) -- $(WARN) $(PKG_CFLAGS) -D_GNU_SOURCE \
	  -DPREGON_DATADIR='"$(DATADIR)"' -Isrc

format:
	clang-format -i src/*.c src/*.h src/kinds/*.c src/kinds/*.h src/format/*.c \
	  src/cli/*.c src/cli/*.h src/lsp/*.c src/lsp/*.h \
	  src/serve/*.c src/serve/*.h

clean:
	rm -rf build $(BIN) locale

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(SUPPORT_OBJ:.o=.d) \
  $(wildcard $(BUILD)/tests/fuzz/*.d)
