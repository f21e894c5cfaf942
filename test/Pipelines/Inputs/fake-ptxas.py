#!/usr/bin/env python3
"""A stand-in for ptxas -v in the tests of attn-gpu-fit-registers.

Prints a log in ptxas's format for every `.entry` of the PTX file it is given,
as FAKE_PTXAS_MODE says:
  spill   an entry spills 8 bytes with 40 registers, unless its PTX has
          .maxnreg (or .minnctapersm): then 0 bytes with 60 registers;
  always  every entry spills 8 bytes whatever its directives (40 registers,
          or FAKE_PTXAS_REGS, or the .maxnreg it has);
  fail    exits with status 1 and a fatal message.
Each call appends its arguments and the directives it saw to FAKE_PTXAS_CALLS
(a file), if set.
"""
import os
import re
import sys

mode = os.environ.get("FAKE_PTXAS_MODE", "spill")
ptx_path = next(a for a in sys.argv[1:] if a.endswith(".ptx"))
text = open(ptx_path).read()
# Each entry with the directives between its name and its body.
entries = re.findall(r"\.entry\s+(\w+)\((.*?)\)\s*((?:\.\w+[^{]*)?)\{",
                     text, re.S)
calls = os.environ.get("FAKE_PTXAS_CALLS")
if calls:
    with open(calls, "a") as f:
        f.write(" ".join(a for a in sys.argv[1:] if not a.endswith(".ptx")))
        for name, _, directives in entries:
            f.write(" | %s: %s" % (name, " ".join(directives.split())))
        f.write("\n")
if mode == "fail":
    sys.stderr.write("ptxas fatal   : Unresolved extern function 'missing'\n")
    sys.exit(1)
for name, _, directives in entries:
    hinted = ".maxnreg" in directives or ".minnctapersm" in directives
    cap = re.search(r"\.maxnreg\s+(\d+)", directives)
    if mode == "always":
        spill, regs = 8, (int(cap.group(1)) if cap
                          else int(os.environ.get("FAKE_PTXAS_REGS", "40")))
    else:
        spill, regs = (0, 60) if hinted else (8, 40)
    sys.stderr.write("ptxas info    : Compiling entry function '%s' for 'sm_80'\n"
                     "ptxas info    : Function properties for %s\n"
                     "    %d bytes stack frame, %d bytes spill stores, "
                     "%d bytes spill loads\n"
                     "ptxas info    : Used %d registers, used 1 barriers, "
                     "380 bytes cmem[0]\n" % (name, name, spill, spill, spill,
                                               regs))
