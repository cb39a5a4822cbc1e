#!/usr/bin/env python3
"""Checks the editor hover text of a scenario with taplo's language server.

    python3 tests/taplo/hover.py [TAPLO] [FILE]

Starts `TAPLO lsp stdio` (default: `taplo` on PATH; install it with
`pip install taplo==0.9.3` or `npm install -g @taplo/cli`), opens FILE
(default: scenarios/electronics.toml, which names the schema with its
`#:schema` line) and asks for the hover text of a key at every depth: a
top-level key, a key inside [[event]], [[dilemma]], [[dilemma.choice]],
[[initiative]], [[plan]], [[expect]], inside an effect and a model
parameter. Prints each and exits 1 if any is empty. Inside `[[…]]` entries
Taplo describes a key only when the value is hovered (tamasfe/taplo#278), so
there the value is hovered when the key gives nothing.
"""
import json, os, pathlib, subprocess, sys

taplo = sys.argv[1] if len(sys.argv) > 1 else "taplo"
path = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "scenarios/electronics.toml").resolve()
text = path.read_text(encoding="utf-8")
lines = text.split("\n")

proc = subprocess.Popen([taplo, "lsp", "stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                        stderr=open(os.environ.get("TAPLO_LOG", os.devnull), "w"))
ids = iter(range(1, 10_000))

def send(method, params, notify=False):
    msg = {"jsonrpc": "2.0", "method": method, "params": params}
    if not notify:
        msg["id"] = next(ids)
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()
    return msg.get("id")

def receive(want):
    while True:
        length = 0
        while True:
            line = proc.stdout.readline()
            if not line:
                sys.exit("taplo exited")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        msg = json.loads(proc.stdout.read(length))
        if msg.get("id") == want and "method" not in msg:
            return msg
        if "method" in msg and "id" in msg:  # a request from the server
            answer(msg)

def answer(msg):
    """Answers a request from the server: the configuration it asks for
    (the defaults, with schemas enabled), and nothing else."""
    if msg["method"] == "workspace/configuration":
        items = msg.get("params", {}).get("items", [])
        result = [{"schema": {"enabled": True, "catalogs": []}} for _ in items]
    else:
        result = {}
    reply = json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": result}).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(reply) + reply)
    proc.stdin.flush()

uri = path.as_uri()
root = pathlib.Path.cwd()
receive(send("initialize", {
    "processId": os.getpid(),
    "rootUri": root.as_uri(),
    "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
    "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}},
    "initializationOptions": {"configurationSection": "evenBetterToml"},
}))
send("initialized", {}, notify=True)
send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "toml", "version": 1,
                                               "text": text}}, notify=True)

def wait_for(method):
    """Reads messages until a notification `method` arrives (the server
    publishes diagnostics once it has read the document and its schema)."""
    while True:
        length = 0
        while True:
            line = proc.stdout.readline()
            if not line:
                sys.exit("taplo exited")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        msg = json.loads(proc.stdout.read(length))
        if msg.get("method") == method:
            return msg
        if "method" in msg and "id" in msg:
            answer(msg)

wait_for("textDocument/publishDiagnostics")

def first(key, after=None):
    """(line, column) of `key =` at the start of a line, after a header."""
    start = 0
    if after:
        start = next(i for i, l in enumerate(lines) if l.strip() == after)
    for i in range(start, len(lines)):
        l = lines[i]
        if l.startswith(key + " ") or l.startswith(key + "="):
            return i, 1
    raise SystemExit(f"{path}: no {key} after {after}")

def inline(word, after):
    start = next(i for i, l in enumerate(lines) if l.strip() == after)
    for i in range(start, len(lines)):
        c = lines[i].find(word + " =")
        if c >= 0:
            return i, c + 1
    raise SystemExit(f"{path}: no {word} in a list after {after}")

places = {
    "quarters (top level)": first("quarters"),
    "title in [[event]]": first("title", "[[event]]"),
    "effects' target": inline("target", "[[event]]"),
    "title in [[dilemma]]": first("title", "[[dilemma]]"),
    "label in [[dilemma.choice]]": first("label", "[[dilemma.choice]]"),
    "cost in [[initiative]]": first("cost", "[[initiative]]"),
}
if "[[plan]]" in (l.strip() for l in lines):
    places["id in [[plan]]"] = first("id", "[[plan]]")
if "[[expect]]" in (l.strip() for l in lines):
    places["metric in [[expect]]"] = first("metric", "[[expect]]")
if "[model]" in (l.strip() for l in lines):
    places["a [model] parameter"] = next((i, 1) for i, l in enumerate(lines)
                                         if i > lines.index("[model]") and "=" in l)

def hover(line, col):
    reply = receive(send("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": line, "character": col}}))
    if os.environ.get("TAPLO_DEBUG"):
        print(json.dumps(reply)[:300])
    result = reply.get("result") or {}
    contents = result.get("contents", "")
    if isinstance(contents, dict):
        contents = contents.get("value", "")
    return " ".join(str(contents).split())

empty = []
for what, (line, col) in places.items():
    shown, where = hover(line, col), "key"
    if not shown:
        # Taplo does not describe a key inside a [[…]] entry, only its value
        # (tamasfe/taplo#278): hover the value, as an author would.
        eq = lines[line].find("=", col)
        shown, where = hover(line, eq + 2), "value"
    print(f"{what:32} line {line + 1} ({where}): {shown[:100]}")
    if not shown:
        empty.append(what)
proc.kill()
if empty:
    sys.exit(f"no hover text for: {', '.join(empty)}")
