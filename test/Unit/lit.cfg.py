# -*- Python -*-
# lit configuration of the GoogleTest unit tests (unittests/), run as
# `lit <build>/test/Unit`.

import os

import lit.formats

config.name = "ATTN-Unit"
config.suffixes = []

# The test executables live under <build>/unittests; every executable whose
# name ends in `Tests` is a GoogleTest binary.
config.test_exec_root = os.path.join(config.attn_obj_root, "unittests")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")

for var in ["HOME", "TMP", "TEMP", "LD_LIBRARY_PATH"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]
