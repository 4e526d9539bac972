#!/usr/bin/env python3
"""The generated many-file payloads of bench/scale.sh and bench/large-payload.sh: COUNT files, 100 per folder, one
component each, and a WiX v3 source naming them by relative path (wixl refuses absolute ones).

    many-files.py scale COUNT DIR   DIR/files/dNNNN/fNNNNNN.txt (about 60 bytes each) and DIR/scale.wxs
    many-files.py large COUNT DIR   DIR/files/dNNNN/fNNNNNN.bin (1-60 KiB, a quarter random) and DIR/large.wxs
    many-files.py tree SRC NAME     NAME (a symbolic link to the folder SRC) and NAME.wxs: every regular file under SRC
                                    (links not followed), its folders mirrored, as a 64-bit package (bench/run.sh --tree)

The same COUNT gives the same bytes on every machine (fixed seed, name-based GUIDs); a tree's source depends only on
the names under SRC.
"""
import os, random, sys, uuid

kind = sys.argv[1]
if kind == "tree":
    src, name = os.path.abspath(sys.argv[2]), sys.argv[3].rstrip("/")
    if not os.path.isdir(src):
        sys.exit(f"{src}: not a folder")
    if os.path.islink(name):
        os.remove(name)
    elif os.path.exists(name):
        sys.exit(f"{name} exists and is not a symbolic link: not replaced")
    os.symlink(src, name)
    ns = uuid.uuid5(uuid.NAMESPACE_URL, "ssprkit bench tree")
    bad = set('\\?|><:/*"')  # not allowed in a Windows Installer long name
    lines, refs, count = [], [], 0
    def walk(rel):
        global count
        here = os.path.join(src, rel)
        entries = sorted(os.scandir(here), key=lambda e: e.name)
        for e in entries:
            if bad & set(e.name) or e.is_symlink():
                continue
            path = os.path.join(rel, e.name) if rel else e.name
            if e.is_file():
                count += 1
                lines.append(f'<Component Id="c{count}" Guid="{{{uuid.uuid5(ns, "c/" + path)}}}" Win64="yes"><File Id="f{count}" Name="{e.name}" Source="{name}/{path}" KeyPath="yes"/></Component>')
                refs.append(f'<ComponentRef Id="c{count}"/>')
        for e in entries:
            if not (bad & set(e.name)) and not e.is_symlink() and e.is_dir():
                path = os.path.join(rel, e.name) if rel else e.name
                lines.append(f'<Directory Id="d{len(lines)}" Name="{e.name}">')
                walk(path)
                lines.append('</Directory>')
    walk("")
    head = ['<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
            f'<Product Id="{{{uuid.uuid5(ns, "product")}}}" Name="Tree" Language="1033" Version="1.0.0" Manufacturer="ssprkit bench" UpgradeCode="{{{uuid.uuid5(ns, "upgrade")}}}">',
            '<Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>',
            '<Media Id="1" Cabinet="t.cab" EmbedCab="yes"/>',
            '<Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFiles64Folder"><Directory Id="APP" Name="Tree">']
    tail = ['</Directory></Directory></Directory>', '<Feature Id="All" Level="1">'] + refs + ['</Feature>', '</Product>', '</Wix>']
    with open(name + ".wxs", "w") as fh:
        fh.write("\n".join(head + lines + tail) + "\n")
    print(f"{count} files under {src} -> {name}.wxs", file=sys.stderr)
    sys.exit(0)

n, out = int(sys.argv[2]), sys.argv[3]
if kind == "scale":
    ns, title, ext = uuid.UUID("6f1f3c2a-7d84-4a1e-9b3e-2c0d5a7e9f11"), "Scale", "txt"
    # one cabinet holds at most 65,535 files: above that, a MediaTemplate splits them (wixl has no MediaTemplate)
    media = '<Media Id="1" Cabinet="s.cab" EmbedCab="yes"/>' if n <= 65535 else '<MediaTemplate EmbedCab="yes"/>'
    def content(i):
        return f"file {i} of {n}\n".encode() * 4
elif kind == "large":
    ns, title, ext = uuid.UUID("0c5d1e7a-3b2f-4d8e-9a61-7f4b2e8c1d93"), "Large", "bin"
    media = '<MediaTemplate EmbedCab="yes"/>'  # WiX's default cap: 200 MB of payload per cabinet
    rng = random.Random(11)
    text = b"".join(b"line %06d of a payload that compresses, as most installed files do\n" % k for k in range(1000))
    def content(i):
        size = rng.randint(1, 60) * 1024 - rng.randint(0, 1023)
        if i % 4 == 0:
            return rng.randbytes(size)
        start = (i * 997) % (len(text) - 61 * 1024)
        return text[start:start + size]
else:
    sys.exit(f"unknown kind {kind}: scale, large or tree")

dirs = {}
for i in range(n):
    d = f"d{i // 100:04d}"
    os.makedirs(os.path.join(out, "files", d), exist_ok=True)
    with open(os.path.join(out, "files", d, f"f{i:06d}.{ext}"), "wb") as fh:
        fh.write(content(i))
    dirs.setdefault(d, []).append(i)
lines = ['<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
         f'<Product Id="{{{uuid.uuid5(ns, "product-" + str(n))}}}" Name="{title} {n}" Language="1033" Version="1.0.0" Manufacturer="ssprkit bench" UpgradeCode="{{{uuid.uuid5(ns, "upgrade")}}}">',
         '<Package InstallerVersion="200" Compressed="yes"/>',
         media,
         f'<Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="APP" Name="{title}">']
refs = []
for d, files in dirs.items():
    lines.append(f'<Directory Id="{d}" Name="{d}">')
    for i in files:
        lines.append(f'<Component Id="c{i}" Guid="{{{uuid.uuid5(ns, "c" + str(i))}}}"><File Id="f{i}" Source="files/{d}/f{i:06d}.{ext}" KeyPath="yes"/></Component>')
        refs.append(f'<ComponentRef Id="c{i}"/>')
    lines.append('</Directory>')
lines += ['</Directory></Directory></Directory>', '<Feature Id="All" Level="1">'] + refs + ['</Feature>', '</Product>', '</Wix>']
with open(os.path.join(out, f"{kind}.wxs"), "w") as fh:
    fh.write("\n".join(lines) + "\n")
