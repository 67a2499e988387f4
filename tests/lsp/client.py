"""Test-client helpers: a pytest-lsp client that records every publishDiagnostics (so a test
waits for the one it wants, never sleeps), and one way to get diagnostics whether the server
pushes them or is pulled."""

from __future__ import annotations

import asyncio
import sys
import uuid

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features
from pygls.protocol import default_converter

TIMEOUT = 20.0
CLIENTS = ["visual-studio-code", "neovim"]


class Recorder:
    def __init__(self) -> None:
        self.items: list[types.PublishDiagnosticsParams] = []
        self._waiters: list = []

    def add(self, params: types.PublishDiagnosticsParams) -> None:
        self.items.append(params)
        for pred, fut in list(self._waiters):
            if not fut.done() and pred(params):
                fut.set_result(params)

    async def wait(self, pred) -> types.PublishDiagnosticsParams:
        for params in reversed(self.items):
            if pred(params):
                return params
        fut = asyncio.get_running_loop().create_future()
        self._waiters.append((pred, fut))
        return await asyncio.wait_for(fut, TIMEOUT)


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    features = {k: v for k, v in DEFAULT_CLIENT_FEATURES.items()
                if k != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}
    register_lsp_features(client, features)
    client.published = Recorder()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published.add(params)

    @client.feature(types.WORKSPACE_INLAY_HINT_REFRESH)
    def _inlay_refresh(params):
        client.inlay_refreshes = getattr(client, "inlay_refreshes", 0) + 1

    return client


CONFIG = ClientServerConfig(server_command=[sys.executable, "-m", "figcheck_lsp"], client_factory=make_client)


def capabilities(name: str, *, pull_refresh: bool = False) -> types.ClientCapabilities:
    caps = client_capabilities(name)
    if pull_refresh:  # a client that pulls and can be told to re-pull (VS Code ≥ 1.7x)
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities()
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    return caps


async def start(client: LanguageClient, name: str, options=None, **kw) -> types.InitializeResult:
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(name, **kw), initialization_options=options,
        root_uri=None, workspace_folders=None))


def pulls(result: types.InitializeResult) -> bool:
    return result.capabilities.diagnostic_provider is not None


async def diagnostics(client, result, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics of ``uri`` at ``version``, pushed or pulled as the server chose."""
    if pulls(result):
        report = await asyncio.wait_for(client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))), TIMEOUT)
        return list(report.items)
    params = await client.published.wait(lambda p: p.uri == uri and p.version == version)
    return list(params.diagnostics)


def open_doc(client, uri: str, text: str, language_id: str = "plaintext", version: int = 1) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))


def change(client, uri: str, version: int, text: str, start=None, end=None) -> None:
    """An incremental change replacing start..end ((line, character) pairs), or the whole text."""
    if start is None:
        event = types.TextDocumentContentChangeWholeDocument(text=text)
    else:
        event = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(*start), types.Position(*(end or start))), text=text)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[event]))


async def raw_request(client, method: str, params) -> dict:
    """Send a request exactly as given (malformed on purpose) and return the raw response."""
    msg_id = f"raw-{uuid.uuid4()}"
    future = asyncio.get_running_loop().create_future()
    from concurrent.futures import Future

    cf: Future = Future()
    client.protocol._request_futures[msg_id] = cf
    client.protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
    try:
        return {"result": await asyncio.wait_for(asyncio.wrap_future(cf), TIMEOUT)}
    except asyncio.TimeoutError:
        raise
    except Exception as exc:  # the server answered with an error
        return {"error": exc}
    finally:
        future.cancel()


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    from figcheck_lsp.positions import LineTable

    table = LineTable(text, encoding)
    spans = sorted(((table.span(e.range), e.new_text) for e in edits), reverse=True)
    for (start, end), new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    edit = action.edit
    if edit.document_changes:
        return [e for dc in edit.document_changes if dc.text_document.uri == uri for e in dc.edits]
    return list(edit.changes.get(uri, []))
