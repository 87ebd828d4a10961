"""Reading CoNLL-U: multiword tokens become one word, relations keep their universal part, bad lines name
the file and line."""

from __future__ import annotations

import pytest

from kronika.parse.conllu import read_conllu

# Written for these tests: "Wczoraj zrobiłem to." with the agglutinate split as UD Polish splits it.
SAMPLE = """# text = Wczoraj zrobiłem to.
1\tWczoraj\twczoraj\tADV\tadv\t_\t2\tadvmod\t_\t_
2-3\tzrobiłem\t_\t_\t_\t_\t_\t_\t_\t_
2\tzrobił\tzrobić\tVERB\tpraet:sg:m1:perf\t_\t0\troot\t_\t_
3\tem\tbyć\tAUX\taglt:sg:pri:imperf:nwok\t_\t2\taux:clitic\t_\t_
4\tto\tto\tPRON\tsubst:sg:acc:n\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\tinterp\t_\t2\tpunct\t_\t_

1\tTak\ttak\tPART\tqub\t_\t0\troot\t_\t_
1.1\tjest\tbyć\t_\t_\t_\t_\t_\t_\t_
"""


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.conllu"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_multiword_tokens_merge(sample):
    first, second = list(read_conllu(sample))
    assert first.forms == ["Wczoraj", "zrobiłem", "to", "."]
    assert first.heads == [2, 0, 2, 2]
    assert first.relations == ["advmod", "root", "obj", "punct"]
    assert second.forms == ["Tak"] and second.heads == [0]


def test_broken_line_names_file_and_line(tmp_path):
    path = tmp_path / "broken.conllu"
    path.write_text("1\tTak\ttak\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken.conllu:1: expected 10"):
        list(read_conllu(path))
