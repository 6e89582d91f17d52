"""Argos Translate engine: installed Argos packages, decoded in batches through CTranslate2.

We segment and protect the text ourselves and call the package's CTranslate2 model directly, once per
letter, with n-best hypotheses: argostranslate's translate() splits sentences with models it downloads
at run time, decodes one paragraph at a time, and turns every '_' of the output into a space.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appealkit.errors import AppealInputError


@dataclass
class _Loaded:
    translator: Any
    tokenizer: Any
    target_prefix: str
    name: str
    version: str
    path: Path


@dataclass
class ArgosEngine:
    beam_size: int = 4
    batch_size: int = 32
    threads: int = 0
    max_length: int = 256
    name: str = "argos"
    _loaded: dict[str, _Loaded] = field(default_factory=dict)

    def _package(self, lang: str):
        from appealkit.models import installed_models

        for model in installed_models():
            if (model.from_code, model.to_code) == ("en", lang):
                return model
        raise AppealInputError(
            f"no Argos model for en→{lang} is installed: run 'appeal models install en-{lang}' "
            f"(needs internet) or 'appeal models install --file translate-en_{lang}.argosmodel'"
        )

    def load(self, lang: str) -> _Loaded:
        """Load the model once per process and language."""
        if lang not in self._loaded:
            try:
                import ctranslate2
                import sentencepiece
            except ImportError:
                raise AppealInputError("machine translation is not installed: pip install 'appealkit[mt]'") from None

            model = self._package(lang)
            meta = _metadata(model.path)
            translator = ctranslate2.Translator(
                str(model.path / "model"),
                device="cpu",
                inter_threads=1,
                intra_threads=self.threads,
                compute_type="auto",
            )
            tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(model.path / "sentencepiece.model"))
            self._loaded[lang] = _Loaded(
                translator, tokenizer, str(meta.get("target_prefix") or ""), model.name, model.version, model.path
            )
        return self._loaded[lang]

    def tokenize(self, segments: list[str], lang: str) -> list[list[str]]:
        return [self.load(lang).tokenizer.encode(s, out_type=str) for s in segments]

    def decode_tokens(self, tokens: list[list[str]], lang: str, n_best: int = 1) -> list[list[str]]:
        loaded = self.load(lang)
        prefix = [[loaded.target_prefix]] * len(tokens) if loaded.target_prefix else None
        results = loaded.translator.translate_batch(
            tokens,
            beam_size=max(self.beam_size, n_best),
            num_hypotheses=n_best,
            max_batch_size=self.batch_size,
            max_decoding_length=self.max_length,
            replace_unknowns=True,
            target_prefix=prefix,
        )
        outputs = []
        for result in results:
            hypotheses = []
            for pieces in result.hypotheses:
                if loaded.target_prefix and pieces[:1] == [loaded.target_prefix]:
                    pieces = pieces[1:]
                hypotheses.append(loaded.tokenizer.decode_pieces(pieces).strip())
            outputs.append(hypotheses)
        return outputs

    def translate_batch(self, segments: list[str], lang: str, n_best: int = 1) -> list[list[str]]:
        if not segments:
            return []
        return self.decode_tokens(self.tokenize(segments, lang), lang, n_best)

    def describe(self, lang: str) -> dict[str, str]:
        """From the installed package, without loading the model: a run served by the memory stays fast."""
        model = self._loaded[lang] if lang in self._loaded else self._package(lang)
        return {"engine": "argos", "model": model.name, "model_version": model.version}


def _metadata(path: Path) -> dict[str, Any]:
    import json

    try:
        return json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
