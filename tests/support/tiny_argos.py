"""Build real, installable Argos Translate packages with random weights, fully offline.

The packages produced here have exactly the layout of the packages on the Argos package index, which
argostranslate 1.11 and appealkit (``appeal models install --file``) both install::

    translate-en_zh-0_0_1.argosmodel          (zip)
    └── translate-en_zh-0_0_1/                (single top-level directory)
        ├── metadata.json
        ├── README.md
        ├── sentencepiece.model               (trained here with sentencepiece)
        ├── model/                            (CTranslate2 Transformer, random weights)
        │   ├── model.bin
        │   ├── config.json
        │   └── shared_vocabulary.json        (== the sentencepiece pieces, id for id)
        └── minisbd/<from_code>.onnx          (tiny rule-like MiniSBD sentence splitter)

appealkit ignores the ``minisbd/`` directory (it splits sentences itself); it is what keeps
argostranslate's own ``translate.translate()`` offline, for ``benchmarks/translate_speed.py``, which
compares with it: with the default ``ARGOS_CHUNK_TYPE`` argostranslate uses ``MiniSBDSentencizer``
and, when the package ships ``minisbd/*.onnx``, loads that file instead of downloading a model from
GitHub.  The ONNX file is written byte by byte here (no ``onnx`` package needed); it splits after
``. ! ?`` followed by a space/end of text and after ``。！？``.

Only ``numpy``, ``sentencepiece`` and ``ctranslate2`` (the ``[mt]`` extra) are needed to build,
install and decode a package (``ctranslate2.specs`` imports torch if it is installed, ~3 s).

Note for importers: argostranslate's wheel, where someone installed it, puts a top-level ``tests``
package into site-packages, which shadows this repo's ``tests/`` directory (it has no ``__init__``),
so ``import tests.support...`` breaks.  Put the repo's ``tests`` directory on ``sys.path`` and
``import support.tiny_argos`` instead.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

__all__ = [
    "BUILTIN_SENTENCES",
    "argos_env",
    "build_tiny_argos_package",
    "package_dir_name",
    "write_tiny_minisbd_model",
]

# --------------------------------------------------------------------------------------
# Training text: a few appeal-letter-like sentences in en/zh/ko (kept small so that the
# number of distinct characters stays well below the default vocab_size=200).
# --------------------------------------------------------------------------------------
BUILTIN_SENTENCES: list[str] = [
    "Hello world.",
    "We urge the authorities to release him immediately.",
    "The court sentenced her to 3.5 years in prison on 12 May 2017.",
    "Eight people were detained near the border.",
    "We write to you about the refugees who were arrested.",
    "Please do not return them to North Korea.",
    "They face torture and other serious human rights violations.",
    "Article 33 of the Refugee Convention prohibits refoulement.",
    "Thank you for your attention to this urgent matter.",
    "Yours sincerely, the undersigned organisations.",
    "请立即释放他。",
    "我们敦促当局不要遣返难民。",
    "他们面临酷刑和严重的人权侵犯。",
    "感谢您关注此事。",
    "당국은 그를 즉시 석방해야 합니다.",
    "우리는 난민들을 북한으로 송환하지 말 것을 촉구합니다.",
    "그들은 고문과 심각한 인권 침해에 직면해 있습니다.",
    "관심을 가져 주셔서 감사합니다.",
]

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "zh": "Chinese",
    "zt": "Chinese (traditional)",
    "ko": "Korean",
    "ja": "Japanese",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
}

# Token strings used to pad the vocabulary up to ``vocab_size`` (see _train_sentencepiece).
_DUMMY_PIECE = "<ak_dummy_{}>"


def package_dir_name(from_code: str, to_code: str, package_version: str = "0.0.1") -> str:
    """Name of the package's top-level directory (= its install dir under ARGOS_PACKAGES_DIR).

    Mirrors argospm names (``translate-en_zh-1_9``).  Never contains "stanza"/"minisbd":
    argostranslate chooses its sentence splitter by substring-matching the *full path*
    of the package's sbd directory.
    """
    name = f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    if "stanza" in name or "minisbd" in name or "spacy" in name:
        raise ValueError(f"package directory name must not contain stanza/minisbd/spacy: {name}")
    return name


# --------------------------------------------------------------------------------------
# SentencePiece
# --------------------------------------------------------------------------------------
def _train_sentencepiece(sentences: list[str], vocab_size: int) -> tuple[bytes, list[str]]:
    """Train a unigram SentencePiece model and return (model_proto, pieces).

    Tiny corpora only support a few dozen/hundred "natural" pieces, so the model is
    trained with ``hard_vocab_limit=False`` first to learn how many it supports; the
    shortfall is then made up with user-defined dummy symbols (``<ak_dummy_N>``, which
    sentencepiece places at ids 3.. right after <unk> <s> </s>) in a second training run.
    Result: the sentencepiece model has exactly ``vocab_size`` pieces and the CTranslate2
    vocabulary is the same list, id for id, like a real Argos package; dummy symbols never
    match real input text (the random model may emit them; they decode literally).  This
    takes ~0.3 s even for vocab_size=32000 (a real 32k vocabulary cannot be learned from a
    few sentences: the built-in text yields ~200 natural pieces, the five letters ~3800).
    """
    import sentencepiece as spm

    chars = {c for s in sentences for c in s if not c.isspace()}
    # <unk> <s> </s> plus "▁" plus every character (character_coverage=1.0).
    required = len(chars) + 4
    if vocab_size < required:
        raise ValueError(
            f"vocab_size={vocab_size} is too small: the training text has {len(chars)} distinct "
            f"characters, so sentencepiece needs at least {required} pieces"
        )

    def train(size: int, user_symbols: list[str]) -> bytes:
        buf = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(sentences),
            model_writer=buf,
            model_type="unigram",
            vocab_size=size,
            hard_vocab_limit=False,
            character_coverage=1.0,
            user_defined_symbols=user_symbols,
            unk_id=0,
            bos_id=1,
            eos_id=2,
            pad_id=-1,
            num_threads=1,
            minloglevel=2,
        )
        return buf.getvalue()

    def pieces_of(proto: bytes) -> list[str]:
        sp = spm.SentencePieceProcessor(model_proto=proto)
        return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]

    proto = train(vocab_size, [])
    pieces = pieces_of(proto)
    n_dummies = 0
    for _ in range(4):  # the natural piece count can shift slightly once symbols are added
        missing = vocab_size - len(pieces)
        if missing == 0:
            break
        n_dummies = max(0, n_dummies + missing)
        proto = train(vocab_size, [_DUMMY_PIECE.format(i) for i in range(n_dummies)])
        pieces = pieces_of(proto)
    if len(pieces) != vocab_size:
        raise RuntimeError(
            f"could not build a sentencepiece vocabulary of exactly {vocab_size} pieces (got {len(pieces)})"
        )
    return proto, pieces


# --------------------------------------------------------------------------------------
# CTranslate2 random Transformer
# --------------------------------------------------------------------------------------
def _make_converter_class():
    from ctranslate2.converters import Converter

    class RandomSpecConverter(Converter):
        """Converter whose "source model" is an already-filled ModelSpec."""

        def __init__(self, spec):
            self._spec = spec

        def _load(self):
            return self._spec

    return RandomSpecConverter


def _build_ct2_model(
    output_dir: Path,
    vocabulary: list[str],
    *,
    layers: int,
    d_model: int,
    heads: int,
    ffn: int,
    seed: int,
    eos_bias: float,
    quantization: str | None,
) -> None:
    from ctranslate2.specs import common_spec, transformer_spec

    if d_model % heads:
        raise ValueError(f"d_model={d_model} must be divisible by heads={heads}")
    rng = np.random.default_rng(seed)
    vocab = len(vocabulary)

    def normal(*shape: int, scale: float | None = None) -> np.ndarray:
        fan_in = shape[-1]
        std = scale if scale is not None else fan_in**-0.5
        return (rng.standard_normal(shape, dtype=np.float32) * np.float32(std)).astype(np.float32)

    def zeros(n: int) -> np.ndarray:
        return np.zeros((n,), dtype=np.float32)

    def set_norm(norm) -> None:
        norm.gamma = np.ones((d_model,), dtype=np.float32)
        norm.beta = zeros(d_model)

    def set_linear(linear, out_dim: int, in_dim: int) -> None:
        linear.weight = normal(out_dim, in_dim)
        linear.bias = normal(out_dim, scale=0.02)

    def set_ffn(spec) -> None:
        set_norm(spec.layer_norm)
        set_linear(spec.linear_0, ffn, d_model)
        set_linear(spec.linear_1, d_model, ffn)

    def set_self_attention(att) -> None:
        set_norm(att.layer_norm)
        set_linear(att.linear[0], 3 * d_model, d_model)  # fused q, k, v
        set_linear(att.linear[1], d_model, d_model)

    def set_cross_attention(att) -> None:
        set_norm(att.layer_norm)
        set_linear(att.linear[0], d_model, d_model)  # query
        set_linear(att.linear[1], 2 * d_model, d_model)  # fused k, v (from encoder output)
        set_linear(att.linear[2], d_model, d_model)

    # Pre-norm Transformer with sinusoidal positions, like Argos' OpenNMT-py models.
    spec = transformer_spec.TransformerSpec.from_config(
        layers, heads, pre_norm=True, activation=common_spec.Activation.RELU
    )
    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = normal(vocab, d_model)
    set_norm(enc.layer_norm)
    for layer in enc.layer:
        set_self_attention(layer.self_attention)
        set_ffn(layer.ffn)
    dec.embeddings.weight = normal(vocab, d_model)
    set_norm(dec.layer_norm)
    for layer in dec.layer:
        set_self_attention(layer.self_attention)
        set_cross_attention(layer.attention)
        set_ffn(layer.ffn)
    dec.projection.weight = normal(vocab, d_model)
    bias = zeros(vocab)
    # Never emit <unk>/<s>; bias </s> (default: never), so every hypothesis runs to exactly
    # max_decoding_length tokens -> deterministic, bounded decoding cost.
    for token in ("<unk>", "<s>"):
        bias[vocabulary.index(token)] = -1e4
    bias[vocabulary.index("</s>")] = eos_bias
    dec.projection.bias = bias
    # position_encodings.encodings stays OPTIONAL: CTranslate2 then uses sinusoidal ones.

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    converter = _make_converter_class()(spec)
    # Converter.convert() = spec.validate(); spec.optimize(quantization); spec.save(dir)
    converter.convert(str(output_dir), quantization=quantization, force=True)


# --------------------------------------------------------------------------------------
# MiniSBD sentence splitter (hand-written ONNX, no `onnx` package needed)
# --------------------------------------------------------------------------------------
def _varint(n: int) -> bytes:
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _pb_int(field: int, value: int) -> bytes:
    return _varint(field << 3) + _varint(value)


def _pb_bytes(field: int, value: bytes | str) -> bytes:
    if isinstance(value, str):
        value = value.encode("utf-8")
    return _varint((field << 3) | 2) + _varint(len(value)) + value


def _onnx_tensor(name: str, array: np.ndarray) -> bytes:  # onnx.TensorProto
    array = np.ascontiguousarray(array)
    elem_type = {np.dtype(np.float32): 1, np.dtype(np.int64): 7}[array.dtype]
    dims = b"".join(_pb_int(1, d) for d in array.shape)
    return dims + _pb_int(2, elem_type) + _pb_bytes(8, name) + _pb_bytes(9, array.tobytes())


def _onnx_value_info(name: str, elem_type: int, dims: list[int | str]) -> bytes:  # ValueInfoProto
    shape = b"".join(
        _pb_bytes(1, _pb_bytes(2, d) if isinstance(d, str) else _pb_int(1, d)) for d in dims
    )
    tensor_type = _pb_int(1, elem_type) + _pb_bytes(2, shape)
    return _pb_bytes(1, name) + _pb_bytes(2, _pb_bytes(1, tensor_type))


def _onnx_node(op: str, inputs: list[str], outputs: list[str], name: str) -> bytes:  # NodeProto
    return (
        b"".join(_pb_bytes(1, i) for i in inputs)
        + b"".join(_pb_bytes(2, o) for o in outputs)
        + _pb_bytes(3, name)
        + _pb_bytes(4, op)
    )


def write_tiny_minisbd_model(path: Path, lang_code: str = "xx") -> Path:
    """Write a MiniSBD-compatible ONNX sentence splitter to ``path`` and return it.

    MiniSBD (a port of Stanza's tokenizer) feeds one id per character (``units``, int64
    [batch, seq]) plus ``features`` (float [batch, seq, n]) and takes the argmax over
    classes: 0 = inside token, 1 = end of token, 2 = end of sentence.  This graph is
    ``Gather(cur_table, units) + Gather(next_table, units shifted left)``: every char ends
    a token; ``. ! ?`` end a sentence only if followed by a space or the end of the text
    (so "3.5" is not split); ``。！？`` always end a sentence.  Config, vocab and lexicon
    live in the model's metadata_props, where MiniSBD reads them.
    """
    units = ["<PAD>", "<UNK>", " ", ".", "!", "?", "。", "！", "？", "；"]
    n_units = len(units)
    cur = np.zeros((n_units, 3), np.float32)
    cur[:, 1] = 1.5
    for u in ".!?":
        cur[units.index(u), 2] = 1.0
    for u in "。！？":
        cur[units.index(u), 2] = 2.0
    nxt = np.zeros((n_units, 3), np.float32)
    nxt[units.index(" "), 2] = 1.0
    nxt[units.index("<PAD>"), 2] = 1.0

    nodes = [
        _onnx_node("Gather", ["cur_table", "units"], ["cur_logits"], "gather_cur"),
        _onnx_node("Pad", ["units", "pads"], ["units_padded"], "pad"),
        _onnx_node("Slice", ["units_padded", "starts", "ends", "axes"], ["next_units"], "shift"),
        _onnx_node("Gather", ["next_table", "next_units"], ["next_logits"], "gather_next"),
        _onnx_node("Add", ["cur_logits", "next_logits"], ["logits"], "add"),
    ]
    initializers = {
        "cur_table": cur,
        "next_table": nxt,
        "pads": np.array([0, 0, 0, 1], np.int64),  # pad one <PAD>(=0) at the end of axis 1
        "starts": np.array([1], np.int64),
        "ends": np.array([2**62], np.int64),
        "axes": np.array([1], np.int64),
    }
    graph = b"".join(_pb_bytes(1, n) for n in nodes) + _pb_bytes(2, "appealkit_tiny_sbd")
    graph += b"".join(_pb_bytes(5, _onnx_tensor(k, v)) for k, v in initializers.items())
    graph += _pb_bytes(11, _onnx_value_info("units", 7, ["batch", "seq"]))
    graph += _pb_bytes(11, _onnx_value_info("features", 1, ["batch", "seq", "nfeat"]))
    graph += _pb_bytes(12, _onnx_value_info("logits", 1, ["batch", "seq", 3]))

    config = {
        "feat_funcs": ["space_before"],
        "max_seqlen": 1000,
        "batch_size": 32,
        "use_dictionary": False,
        "num_dict_feat": 0,
        "skip_newline": False,
        "no_ssplit": False,
    }
    vocab = {
        "lang": lang_code,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_id2unit": units,
        "_unit2id": {u: i for i, u in enumerate(units)},
    }
    metadata = {"lang_code": lang_code, "config": json.dumps(config), "vocab": json.dumps(vocab), "lexicon": "null"}

    model = _pb_int(1, 7)  # ir_version 7 (opset 13)
    model += _pb_bytes(2, "appealkit-tests")  # producer_name
    model += _pb_bytes(7, graph)
    model += _pb_bytes(8, _pb_bytes(1, "") + _pb_int(2, 13))  # opset_import: ai.onnx v13
    for key, value in metadata.items():
        model += _pb_bytes(14, _pb_bytes(1, key) + _pb_bytes(2, value))

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model)
    return path


# --------------------------------------------------------------------------------------
# The package
# --------------------------------------------------------------------------------------
_ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed timestamps -> byte-reproducible .argosmodel


def _zip_dir(src: Path, zip_path: Path) -> None:
    files = sorted(p for p in src.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "w") as zf:
        for p in files:
            arcname = p.relative_to(src.parent).as_posix()
            info = zipfile.ZipInfo(arcname, date_time=_ZIP_DATE)
            info.external_attr = 0o644 << 16
            # Random weights do not compress; store the big file, deflate the rest.
            info.compress_type = zipfile.ZIP_STORED if p.name == "model.bin" else zipfile.ZIP_DEFLATED
            with open(p, "rb") as fh:
                zf.writestr(info, fh.read())


def _readme(meta: dict, settings: dict) -> str:
    return (
        f"# Tiny random Argos package {meta['from_code']} -> {meta['to_code']}\n\n"
        "Built by appealkit's tests/support/tiny_argos.py. The CTranslate2 Transformer has\n"
        "RANDOM weights: output is meaningless. For offline tests and benchmarks only.\n\n"
        "```json\n" + json.dumps(settings, indent=2, sort_keys=True) + "\n```\n"
    )


def build_tiny_argos_package(
    dest_dir: Path,
    from_code: str = "en",
    to_code: str = "zh",
    *,
    layers: int = 1,
    d_model: int = 32,
    heads: int = 2,
    ffn: int = 64,
    vocab_size: int = 200,
    seed: int = 0,
    package_version: str = "0.0.1",
    training_sentences: list[str] | None = None,
    eos_bias: float = -1e4,
    quantization: str | None = None,
    include_minisbd: bool = True,
) -> Path:
    """Build a real .argosmodel zip (metadata.json, model/ CTranslate2 dir, sentencepiece.model, README) with random weights; return its path.

    The zip is ``dest_dir / f"{package_dir_name(...)}.argosmodel"`` and contains one
    top-level directory of that name (argostranslate extracts the zip into
    ARGOS_PACKAGES_DIR and treats each sub-directory as a package).

    Extra keyword-only knobs (defaults keep the contract above):

    * ``eos_bias``: logit bias of ``</s>``.  The default (-1e4) means the model never
      ends a hypothesis early: every hypothesis has exactly ``max_decoding_length``
      tokens (CTranslate2's default is 256, which argostranslate uses).  Use 0.0 for an
      unbiased random model.
    * ``quantization``: CTranslate2 weight type written to disk (None = float32;
      real Argos packages ship ``"int8"`` weights, use that for size-realistic
      benchmarks: 6x512 layers with 32k vocab -> ~95 MB instead of ~370 MB).
    * ``include_minisbd``: ship ``minisbd/<from_code>.onnx`` so argostranslate's
      default sentence splitter never downloads (see ``write_tiny_minisbd_model``).

    Real Argos size (``layers=6, d_model=512, heads=8, ffn=2048, vocab_size=32000``)
    builds in ~4-8 s on 2 cores (~95 MB with quantization="int8", ~375 MB float32).  Its sentencepiece model is learned from
    the tiny corpus (built-in + ``training_sentences``; pass e.g. the letters' lines for a
    more realistic segmentation) and padded with dummy symbols to 32000 pieces.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    sentences = list(BUILTIN_SENTENCES) + [s for s in (training_sentences or []) if s.strip()]
    # sentencepiece rejects very long "sentences" (default max_sentence_length=4192 bytes).
    sentences = [s for s in sentences if len(s.encode("utf-8")) < 4000]

    name = package_dir_name(from_code, to_code, package_version)
    metadata = {
        "package_version": package_version,
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
        "links": [],
    }
    settings = {
        "layers": layers,
        "d_model": d_model,
        "heads": heads,
        "ffn": ffn,
        "vocab_size": vocab_size,
        "seed": seed,
        "eos_bias": eos_bias,
        "quantization": quantization,
    }

    with tempfile.TemporaryDirectory(prefix="tiny-argos-build-") as tmp:
        root = Path(tmp) / name
        root.mkdir()
        proto, pieces = _train_sentencepiece(sentences, vocab_size)
        (root / "sentencepiece.model").write_bytes(proto)
        _build_ct2_model(
            root / "model",
            pieces,
            layers=layers,
            d_model=d_model,
            heads=heads,
            ffn=ffn,
            seed=seed,
            eos_bias=eos_bias,
            quantization=quantization,
        )
        if include_minisbd:
            write_tiny_minisbd_model(root / "minisbd" / f"{from_code}.onnx", from_code)
        (root / "metadata.json").write_text(json.dumps(metadata, indent=4, ensure_ascii=False) + "\n", encoding="utf-8")
        (root / "README.md").write_text(_readme(metadata, settings), encoding="utf-8")
        out = dest_dir / f"{name}.argosmodel"
        partial = dest_dir / f".{name}.argosmodel.partial"
        _zip_dir(root, partial)
        os.replace(partial, out)
    return out


# --------------------------------------------------------------------------------------
# An isolated Argos home (appealkit and argostranslate read the same settings)
# --------------------------------------------------------------------------------------
def argos_env(base_dir: Path) -> dict[str, str]:
    """Environment for an isolated, offline Argos home rooted at ``base_dir`` (packages, data, config, cache).

    ARGOS_PACKAGE_INDEX points at a ``file://`` directory, so even an accidental index
    download stays local (``<index>index.json`` is fetched with urllib).
    """
    base = Path(base_dir)
    index_dir = base / "index"
    return {
        "XDG_DATA_HOME": str(base / "data"),
        "XDG_CONFIG_HOME": str(base / "config"),
        "XDG_CACHE_HOME": str(base / "cache"),
        "ARGOS_PACKAGES_DIR": str(base / "packages"),
        "ARGOS_PACKAGE_INDEX": index_dir.as_uri() + "/",
        "ARGOS_CHUNK_TYPE": "DEFAULT",
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_DEBUG": "0",
    }


def _main(argv: list[str]) -> int:
    """``python tests/support/tiny_argos.py DEST [--big]``: build a package, print its path."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description=_main.__doc__)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--from-code", default="en")
    parser.add_argument("--to-code", default="zh")
    parser.add_argument("--big", action="store_true", help="real Argos size: 6x512, 8 heads, ffn 2048, 32k vocab, int8")
    args = parser.parse_args(argv)
    kw = dict(layers=6, d_model=512, heads=8, ffn=2048, vocab_size=32000, quantization="int8") if args.big else {}
    t0 = time.perf_counter()
    path = build_tiny_argos_package(args.dest, args.from_code, args.to_code, **kw)
    print(f"{path}\t{path.stat().st_size} bytes\t{time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
