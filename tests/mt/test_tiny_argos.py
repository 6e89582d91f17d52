"""tests/support/tiny_argos.py builds real Argos packages that install and translate offline."""

from __future__ import annotations

import json
import socket
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("argostranslate")
ctranslate2 = pytest.importorskip("ctranslate2")
spm = pytest.importorskip("sentencepiece")

# argostranslate's wheel installs a top-level "tests" package into site-packages, which
# wins over this repo's tests/ (a namespace dir): import the helpers as "support.*".
_TESTS_DIR = str(Path(__file__).resolve().parents[1])
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

from support.tiny_argos import (  # noqa: E402
    build_tiny_argos_package,
    isolated_argostranslate,
    package_dir_name,
    write_tiny_minisbd_model,
)

pytestmark = pytest.mark.mt

SENTENCES = ["hello", "We urge the authorities to release him.", "请立即释放他。"]


@pytest.fixture(scope="module")
def tiny_package(tmp_path_factory) -> Path:
    return build_tiny_argos_package(tmp_path_factory.mktemp("pkgs"))


@pytest.fixture
def argos(tmp_path):
    """argostranslate imported against an isolated data/config/cache/packages dir."""
    base = tmp_path / "argos-home"
    assert "stanza" not in str(base)  # argostranslate would switch to Stanza (downloads)
    with isolated_argostranslate(base) as mod:
        assert mod.settings.package_data_dir == base / "packages"
        assert mod.settings.data_dir == base / "data" / "argos-translate"
        yield mod


@pytest.fixture
def no_network(monkeypatch):
    """Fail loudly on any Python-level network use (DNS, sockets, urllib)."""
    attempts: list[str] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            attempts.append(f"{name}{args[:2]!r}")
            raise OSError(f"network disabled in this test: {name}")

        return _refuse

    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urlopen"))
    return attempts


def test_package_is_a_real_argosmodel_zip(tiny_package):
    name = package_dir_name("en", "zh", "0.0.1")
    assert tiny_package.name == f"{name}.argosmodel"
    with zipfile.ZipFile(tiny_package) as zf:
        names = set(zf.namelist())
        assert {n.split("/")[0] for n in names} == {name}  # one top-level directory
        for member in ("metadata.json", "README.md", "sentencepiece.model", "model/model.bin",
                       "model/config.json", "model/shared_vocabulary.json", "minisbd/en.onnx"):
            assert f"{name}/{member}" in names
        meta = json.loads(zf.read(f"{name}/metadata.json"))
        vocab = json.loads(zf.read(f"{name}/model/shared_vocabulary.json"))
        sp = spm.SentencePieceProcessor(model_proto=zf.read(f"{name}/sentencepiece.model"))
    assert meta == {
        "package_version": "0.0.1", "argos_version": "1.9.0", "from_code": "en", "from_name": "English",
        "to_code": "zh", "to_name": "Chinese", "type": "translate", "links": [],
    }
    assert len(vocab) == 200 and vocab == [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    assert vocab[:3] == ["<unk>", "<s>", "</s>"]
    for text in ("请立即释放他。", "당국은 그를 즉시 석방해야 합니다."):  # both CJK scripts tokenizable
        assert sp.unk_id() not in sp.encode(text)


def test_build_is_byte_reproducible(tmp_path, tiny_package):
    again = build_tiny_argos_package(tmp_path)
    assert again.read_bytes() == tiny_package.read_bytes()


def test_large_vocab_is_padded_to_exact_size(tmp_path):
    pkg = build_tiny_argos_package(tmp_path, "en", "ko", vocab_size=5000, training_sentences=["Ωmega line."])
    name = package_dir_name("en", "ko")
    with zipfile.ZipFile(pkg) as zf:
        vocab = json.loads(zf.read(f"{name}/model/shared_vocabulary.json"))
        sp = spm.SentencePieceProcessor(model_proto=zf.read(f"{name}/sentencepiece.model"))
    assert len(vocab) == sp.get_piece_size() == 5000 and len(set(vocab)) == 5000
    assert vocab[:3] == ["<unk>", "<s>", "</s>"] and "<ak_dummy_0>" in vocab  # padded with dummies
    assert sp.unk_id() not in sp.encode("Ωmega")  # training_sentences are learned


def test_install_list_uninstall(argos, tiny_package):
    assert argos.package.get_installed_packages() == []
    argos.package.install_from_path(tiny_package)
    (pkg,) = argos.package.get_installed_packages()
    assert (pkg.from_code, pkg.to_code, pkg.package_version, pkg.type) == ("en", "zh", "0.0.1", "translate")
    assert pkg.package_path == argos.settings.package_data_dir / package_dir_name("en", "zh")
    assert pkg.packaged_sbd_path == pkg.package_path / "minisbd"
    assert isinstance(pkg.tokenizer, argos.tokenizer.SentencePieceTokenizer)
    assert pkg.tokenizer.encode("hello")  # sentencepiece pieces
    assert "RANDOM weights" in pkg.get_readme()
    argos.package.uninstall(pkg)
    assert argos.package.get_installed_packages() == []


def test_ctranslate2_translate_batch(argos, tiny_package):
    argos.package.install_from_path(tiny_package)
    (pkg,) = argos.package.get_installed_packages()
    translator = ctranslate2.Translator(str(pkg.package_path / "model"), device="cpu")
    tokens = [pkg.tokenizer.encode(s) for s in SENTENCES]
    results = translator.translate_batch(
        tokens, beam_size=2, num_hypotheses=2, max_decoding_length=16, return_scores=True
    )
    vocab = set(json.loads((pkg.package_path / "model" / "shared_vocabulary.json").read_text()))
    assert len(results) == 3
    for result in results:
        assert len(result.hypotheses) == 2 and len(result.scores) == 2
        for hyp in result.hypotheses:
            # </s> is biased away: every hypothesis runs to max_decoding_length.
            assert len(hyp) == 16 and set(hyp) <= vocab - {"<unk>", "<s>", "</s>"}
        assert isinstance(pkg.tokenizer.decode(result.hypotheses[0]), str)


def test_argos_translate_offline(argos, tiny_package, no_network):
    argos.package.install_from_path(tiny_package)
    out = argos.translate.translate("hello", "en", "zh")
    assert isinstance(out, str) and out
    translation = argos.translate.get_translation_from_codes("en", "zh")
    sentencizer = translation.underlying.sentencizer
    assert type(sentencizer).__name__ == "MiniSBDSentencizer"
    assert sentencizer.split_sentences("Hello world. The fine was 3.5 million! 请释放他。谢谢") == [
        "Hello world.", "The fine was 3.5 million!", "请释放他。", "谢谢"]
    multi = argos.translate.translate("Hello world. Second sentence.\n请立即释放他。", "en", "zh")
    assert isinstance(multi, str) and multi.count("\n") == 1  # paragraphs are kept
    assert no_network == []


def test_minisbd_model_standalone(tmp_path):
    minisbd = pytest.importorskip("minisbd")
    model = write_tiny_minisbd_model(tmp_path / "sbd" / "xx.onnx")
    detector = minisbd.SBDetect(str(model), use_gpu=False)
    assert detector.sentences("No split in 3.5 or e.g.here. Split!  Yes?") == [
        "No split in 3.5 or e.g.here.", "Split!", "Yes?"]
    assert detector.sentences("당국은 석방해야 합니다. 감사합니다") == ["당국은 석방해야 합니다.", "감사합니다"]
