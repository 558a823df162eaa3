"""The matcher on questions written independently of the brief (see tests/heldout/)."""

from tests.heldout.evaluate import evaluate


def test_heldout_accuracy_and_out_of_scope_rejection() -> None:
    report = evaluate()
    assert report.in_scope >= 150 and report.out_of_scope >= 40
    assert report.accuracy >= 0.90, "\n".join(report.failures)
    assert report.rejection >= 0.90, "\n".join(report.failures)
