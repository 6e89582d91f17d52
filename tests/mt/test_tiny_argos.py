"""tests/support/tiny_argos.py builds real Argos packages that appealkit installs and decodes offline.

appealkit reads the Argos package format itself (argostranslate is not a dependency: it pulls in Stanza and
torch), so these tests drive appealkit's installer and CTranslate2/SentencePiece directly on the package.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

ctranslate2 = pytest.importorskip("ctranslate2")
spm = pytest.importorskip("sentencepiece")

# argostranslate's wheel (when someone installed it) puts a top-level "tests" package into site-packages,
# which wins over this repo's tests/ (a namespace dir): import the helpers as "support.*".
_TESTS_DIR = str(Path(__file__).resolve().parents[1])
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

from support.tiny_argos import argos_env, build_tiny_argos_package, package_dir_name  # noqa: E402

from appealkit import models  # noqa: E402
from appealkit.engines.argos import ArgosEngine  # noqa: E402

pytestmark = pytest.mark.mt

SENTENCES = ["hello", "We urge the authorities to release him.", "请立即释放他。"]


@pytest.fixture(scope="module")
def tiny_package(tmp_path_factory) -> Path:
    return build_tiny_argos_package(tmp_path_factory.mktemp("pkgs"))


@pytest.fixture
def argos_home(tmp_path, monkeypatch) -> Path:
    """An isolated Argos home: packages, data, config and cache under tmp_path (appealkit reads them per call)."""
    for key in [k for k in os.environ if k.startswith("ARGOS_") or k == "SNAP"]:
        monkeypatch.delenv(key)
    for key, value in argos_env(tmp_path / "argos-home").items():
        monkeypatch.setenv(key, value)
    return tmp_path / "argos-home"


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


def test_install_list_uninstall(argos_home, tiny_package):
    assert models.installed_models() == []
    installed = models.install_file(tiny_package)
    assert installed == models.InstalledModel("translate-en_zh", "en", "zh", "0.0.1",
                                              argos_home / "packages" / package_dir_name("en", "zh"))
    assert models.installed_models() == [installed]
    for member in ("metadata.json", "sentencepiece.model", "model/model.bin", "minisbd/en.onnx"):
        assert (installed.path / member).is_file()  # extracted as shipped, extra folders included
    assert [p.name for p in installed.path.parent.iterdir()] == [installed.path.name]  # no staging left behind
    assert models.install_file(tiny_package) == installed  # a re-install replaces the package
    assert models.remove("en-zh") == installed
    assert models.installed_models() == [] and not installed.path.exists()


def test_packages_dir_follows_argostranslate_settings(tmp_path, monkeypatch):
    """Same folders as argostranslate: ARGOS_PACKAGES_DIR, else settings.json, else XDG_DATA_HOME."""
    for key in ("ARGOS_PACKAGES_DIR", "ARGOS_PACKAGE_INDEX"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert models.packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    assert models.package_index_url() == models.DEFAULT_PACKAGE_INDEX + "index.json"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "shared"),
                                    "ARGOS_PACKAGE_INDEX": "file:///mirror/"}), encoding="utf-8")
    assert models.packages_dir() == tmp_path / "shared"
    assert models.package_index_url() == "file:///mirror/index.json"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))
    assert models.packages_dir() == tmp_path / "env"  # the environment beats settings.json


def test_a_package_appealkit_cannot_decode_is_refused(argos_home, tmp_path):
    folder = tmp_path / "bpe-only"
    (folder / "model").mkdir(parents=True)
    (folder / "metadata.json").write_text(json.dumps({"from_code": "en", "to_code": "zh"}), encoding="utf-8")
    (folder / "model" / "model.bin").write_bytes(b"x")
    (folder / "bpe.model").write_text("older Argos packages tokenize with BPE", encoding="utf-8")
    archive = tmp_path / "bpe.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.rglob("*"):
            if path.is_file():
                zf.write(path, path.relative_to(tmp_path).as_posix())
    with pytest.raises(models.AppealInputError, match="no sentencepiece.model"):
        models.install_file(archive)
    assert models.installed_models() == [] and list((argos_home / "packages").iterdir()) == []


def test_ctranslate2_translate_batch(argos_home, tiny_package):
    path = models.install_file(tiny_package).path
    translator = ctranslate2.Translator(str(path / "model"), device="cpu")
    sp = spm.SentencePieceProcessor(model_file=str(path / "sentencepiece.model"))
    tokens = [sp.encode(s, out_type=str) for s in SENTENCES]
    results = translator.translate_batch(
        tokens, beam_size=2, num_hypotheses=2, max_decoding_length=16, return_scores=True
    )
    vocab = set(json.loads((path / "model" / "shared_vocabulary.json").read_text()))
    assert len(results) == 3
    for result in results:
        assert len(result.hypotheses) == 2 and len(result.scores) == 2
        for hyp in result.hypotheses:
            # </s> is biased away: every hypothesis runs to max_decoding_length.
            assert len(hyp) == 16 and set(hyp) <= vocab - {"<unk>", "<s>", "</s>"}
        assert isinstance(sp.decode_pieces(result.hypotheses[0]), str)


def test_engine_translates_offline(argos_home, tiny_package, no_network):
    models.install_file(tiny_package)
    engine = ArgosEngine(beam_size=2, max_length=8)
    outputs = engine.translate_batch(["Hello world.", "The fine was 3.5 million!"], "zh", n_best=2)
    assert [len(hypotheses) for hypotheses in outputs] == [2, 2]
    assert all(isinstance(h, str) and h for hypotheses in outputs for h in hypotheses)
    assert engine.describe("zh") == {"engine": "argos", "model": "translate-en_zh", "model_version": "0.0.1"}
    assert no_network == []
