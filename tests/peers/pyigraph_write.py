"""python-igraph's Graph.write_graphml without its use-after-free.

python-igraph 0.10.2 (Debian 12's python3-igraph) copies each string
attribute value into igraph with PyUnicode_CopyAsString (src/_igraph/
pyhelpers.c), which in that release takes the pointer of a temporary UTF-8
bytes object, releases the object, and only then strdup()s the pointer
(objdump of _igraph.cpython-311-x86_64-linux-gnu.so: PyBytes_AsString,
the Py_DECREF / _Py_Dealloc, then strdup; valgrind: "Invalid read ... inside
a block ... free'd by PyUnicode_CopyAsString"). A value over pymalloc's 512
bytes lives in a malloc()ed block, and glibc may hand that block straight
back to strdup's own malloc(): the copy then reads what it is overwriting,
so a long note comes out truncated, with a stray byte, or makes the writer
fail ("Forbidden control character 0x01 found in igraph_i_xml_escape",
"Input is not proper UTF-8" on reading back). Whether it happens depends on
the heap (importing networkx after igraph changes it: igraph/python-igraph
#679). Later releases release the bytes after the copy.

The workaround: give write_graphml the values as bytes objects already
encoded in UTF-8. For a bytes value PyUnicode_CopyAsString takes a new
reference to the object itself, so the release leaves it alive (the
attribute list holds it) and strdup reads valid memory; python-igraph
writes a bytes value as the text it encodes (the key stays
attr.type="string"). Only the attribute names still go through the freed
temporary; they are short, so pymalloc keeps their blocks (nothing is
allocated between the release and the copy) and valgrind is the only one to
see it."""


def _encoded(values):
    return [v.encode("utf-8") if isinstance(v, str) else v for v in values]


def write_graphml(g, path):
    """g.write_graphml(path), with every string value passed as UTF-8 bytes
    (on a copy: g keeps its str values)."""
    h = g.copy()
    for a in h.attributes():
        if isinstance(h[a], str):
            h[a] = h[a].encode("utf-8")
    for seq in (h.vs, h.es):
        for a in seq.attributes():
            seq[a] = _encoded(seq[a])
    h.write_graphml(path)
