# lsmap — set-up, build, run and test on Debian 12.
#
#   make run     install missing Debian packages, build, open the app on the bundled data
#   make check   the same set-up, then every test (display tests under Xvfb), then the unit
#                tests again built with AddressSanitizer and UndefinedBehaviorSanitizer
#   make bench   benchmarks (load, panning, first frame, memory); not part of check
#                (make bench-map BENCH_ARGS="--frames 1000000": one size's frames alone)
#   make bench-start  only the start of make bench: exec to the first frame against a bare window
#   make fuzz    build the libFuzzer harnesses of tests/fuzz with clang and run each for
#                FUZZ_SECONDS (new inputs go to $(FUZZ_BUILD)/corpus, crashes to .../artifacts)

BUILD      ?= _build
ASAN_BUILD ?= _build-asan
FUZZ_BUILD ?= _build-fuzz
FUZZ_SECONDS ?= 60
MESON      ?= meson

# Build and test dependencies, as Debian 12 package names.
PACKAGES = \
	meson ninja-build pkg-config gcc libc6-dev gettext \
	libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libshumate-dev \
	libgdal-dev libjson-glib-dev \
	postgresql-15 postgresql-15-postgis-3 \
	xvfb xauth xdotool poppler-utils desktop-file-utils appstream \
	librsvg2-common fonts-dejavu-core fonts-wqy-microhei locales

# Only for make fuzz: libFuzzer comes with clang's runtime.
FUZZ_PACKAGES = clang-14 libclang-rt-14-dev
FUZZERS = geojson tables folder

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps fuzz-deps build run check test asan bench bench-map bench-start bench-window bench-cancel bench-memory fuzz install clean

all: build

# Installs only what is missing, so a machine that has everything never touches the network.
define install-missing
	@missing=$$(for p in $(1); do \
	  dpkg-query -W -f='$${db:Status-Abbrev}' $$p 2>/dev/null | grep -q '^ii' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  if [ ! -d /etc/postgresql-common ]; then \
	    echo "(PostgreSQL is for the tests' own servers: no system cluster is created)"; \
	    $(SUDO) mkdir -p /etc/postgresql-common/createcluster.d && \
	    echo 'create_main_cluster = false' | $(SUDO) tee /etc/postgresql-common/createcluster.d/lsmap.conf >/dev/null; \
	  fi; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install-missing,$(PACKAGES))
	@locale -a 2>/dev/null | grep -qi '^vi_VN.utf8$$' || { \
	  echo "Generating the vi_VN.UTF-8 locale"; \
	  $(SUDO) localedef -i vi_VN -f UTF-8 vi_VN.UTF-8; }

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD)

build: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

run: build
	LSMAP_DATA_DIR=$(CURDIR)/data LSMAP_LOCALEDIR=$(CURDIR)/$(BUILD)/po \
	  GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data \
	  $(BUILD)/src/lsmap $(ARGS)

test: build
	xvfb-run -a -s '-screen 0 1280x1024x24' $(MESON) test -C $(BUILD) --print-errorlogs

$(ASAN_BUILD)/build.ninja:
	$(MESON) setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

asan: deps $(ASAN_BUILD)/build.ninja
	$(MESON) compile -C $(ASAN_BUILD)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(MESON) test -C $(ASAN_BUILD) --suite unit --print-errorlogs

# Ends with one plain "N passed, N failed" line over both runs.
check: test asan
	@passed=0; failed=0; skipped=0; \
	for log in $(BUILD)/meson-logs/testlog.json $(ASAN_BUILD)/meson-logs/testlog.json; do \
	  p=$$(grep -o '"result": "OK"' $$log | wc -l); s=$$(grep -o '"result": "SKIP"' $$log | wc -l); \
	  t=$$(grep -c '"result"' $$log); \
	  passed=$$((passed + p)); skipped=$$((skipped + s)); failed=$$((failed + t - p - s)); \
	done; \
	echo "check: $$passed passed, $$failed failed, $$skipped skipped"; [ $$failed -eq 0 ]

# Benchmarks: synthetic sites, panning and zooming under Xvfb with the cairo renderer; prints
# one set of tables, each figure a median of several runs. BENCH_ARGS="100000 3": sizes, runs.
# The synthetic data are kept in $(BUILD)/bench-cache, keyed by size and seed.
# Its memory part at 100k only: at a million sites its five children (--summary, --list in three
# formats) take over half an hour on a loaded machine; make bench-memory runs both sizes.
bench: bench-map
	$(MESON) compile -C $(BUILD) lsm-bench-memory
	LSMAP_DATA_DIR=$(CURDIR)/data GSETTINGS_BACKEND=memory nice -n 10 $(BUILD)/tests/lsm-bench-memory \
	  $(or $(BENCH_MEMORY_ARGS),100000)

# Only lsm-bench, without the memory part: e.g. BENCH_ARGS="--frames 1000000" for one size's frames.
bench-map: build
	$(MESON) compile -C $(BUILD) lsm-bench lsm-bench-bare
	LSMAP=$(CURDIR)/$(BUILD)/src/lsmap LSM_BENCH_BARE=$(CURDIR)/$(BUILD)/tests/lsm-bench-bare \
	  LSMAP_DATA_DIR=$(CURDIR)/data GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data GSETTINGS_BACKEND=memory \
	  GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none XDG_CACHE_HOME=$(CURDIR)/$(BUILD)/bench-cache \
	  xvfb-run -a -s '-screen 0 1280x1024x24' $(BUILD)/tests/lsm-bench $(BENCH_ARGS)

# Only the window loading large data, e.g. BENCH_WINDOW_ARGS=1000000; the GeoPackage is kept
# in the bench cache, and main-loop turns over 50 ms are logged with what they ran.
BENCH_WINDOW_ARGS ?= 100000
bench-window: build
	$(MESON) compile -C $(BUILD) lsm-bench
	LSMAP_DATA_DIR=$(CURDIR)/data GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data GSETTINGS_BACKEND=memory \
	  GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none XDG_CACHE_HOME=$(CURDIR)/$(BUILD)/bench-cache \
	  nice -n 10 xvfb-run -a -s '-screen 0 1280x1024x24' $(BUILD)/tests/lsm-bench --window-load $(BENCH_WINDOW_ARGS)

# The same load cancelled while read and while installed, then the bundled data: memory each leaves.
bench-cancel: build
	$(MESON) compile -C $(BUILD) lsm-bench
	LSMAP_DATA_DIR=$(CURDIR)/data GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data GSETTINGS_BACKEND=memory \
	  GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none XDG_CACHE_HOME=$(CURDIR)/$(BUILD)/bench-cache \
	  nice -n 10 xvfb-run -a -s '-screen 0 1280x1024x24' $(BUILD)/tests/lsm-bench --window-cancel $(BENCH_WINDOW_ARGS)

# Only the start part of make bench: exec to the first frame, lsmap against a bare window.
bench-start: build
	$(MESON) compile -C $(BUILD) lsm-bench lsm-bench-bare
	LSMAP=$(CURDIR)/$(BUILD)/src/lsmap LSM_BENCH_BARE=$(CURDIR)/$(BUILD)/tests/lsm-bench-bare \
	  LSMAP_DATA_DIR=$(CURDIR)/data GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data GSETTINGS_BACKEND=memory \
	  GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none XDG_CACHE_HOME=$(CURDIR)/$(BUILD)/bench-cache \
	  nice -n 10 xvfb-run -a -s '-screen 0 1280x1024x24' $(BUILD)/tests/lsm-bench --start $(if $(BENCH_RUNS),--runs $(BENCH_RUNS))

# Only the memory part of make bench, e.g. BENCH_MEMORY_ARGS="--load 100000".
bench-memory: build
	$(MESON) compile -C $(BUILD) lsm-bench-memory
	LSMAP_DATA_DIR=$(CURDIR)/data GSETTINGS_BACKEND=memory nice -n 10 $(BUILD)/tests/lsm-bench-memory $(BENCH_MEMORY_ARGS)

fuzz-deps:
	$(call install-missing,$(FUZZ_PACKAGES))

$(FUZZ_BUILD)/build.ninja:
	CC=clang-14 $(MESON) setup $(FUZZ_BUILD) -Dfuzzing=true -Db_sanitize=address,undefined \
	  -Db_lundef=false -Dbuildtype=debugoptimized

# Each harness starts from its seed corpus and adds what it finds to a work corpus of its own;
# copy new coverage into tests/fuzz/corpus/ with -merge=1 (tests/fuzz/README.md). Without
# -max_len, the 600 KB deep-nesting input would let every mutation grow that large.
fuzz: deps fuzz-deps $(FUZZ_BUILD)/build.ninja
	$(MESON) compile -C $(FUZZ_BUILD) $(addprefix fuzz-,$(FUZZERS))
	@for f in $(FUZZERS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$f $(FUZZ_BUILD)/artifacts; \
	  echo "fuzz-$$f: $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    $(FUZZ_BUILD)/tests/fuzz/fuzz-$$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -max_len=16384 \
	      -timeout=10 -dict=tests/fuzz/$$f.dict -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$f- \
	      $(FUZZ_BUILD)/corpus/$$f tests/fuzz/corpus/$$f || exit 1; \
	done

install: build
	$(MESON) install -C $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
