"""The figcheck language server: the server object, its state, and one short handler per method.

Handlers only translate: the work is in plain functions (``server.diagnostics.analyze``,
``server.actions``, ``server.hover``, ``server.inlay``, ``server.settings``), and every
position conversion is in ``server.positions``.

Diagnostics. Clients that can pull diagnostics *and* be told to re-pull
(``textDocument.diagnostic`` plus ``workspace.diagnostics.refreshSupport``) get a
``diagnosticProvider`` and are served by ``textDocument/diagnostic``; every other client gets
``textDocument/publishDiagnostics`` with the document version. Doing both would show each
diagnostic twice in editors that keep pulled and pushed diagnostics apart. A pull request is
answered whatever was advertised.

Editing. Each change schedules a check of the document: at once after a pause in typing,
otherwise after ``debounce`` seconds; a newer version cancels pending work (the worker thread
notices between paragraphs) and stale results are never published.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import FeatureRequestError, JsonRpcException, JsonRpcInvalidParams
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

import figcheck
from figcheck.code_cache import CodeCache
from figcheck.config import ConfigError

from . import actions, cancel, framing, positions, pygls_internals
from . import settings as settings_mod
from .diagnostics import Analysis, Snapshot, analyze, ends_in_common, publish_params_json
from .documents import DocumentStore, OpenDocument, Superseded, UnknownDocument

log = logging.getLogger("figcheck.server")
DEBOUNCE_SECONDS = 0.075
WORKERS = 2
LARGE_DOCUMENT = 100_000  # characters: its analysis is logged when it starts
CONFIG_FILE_NAMES = ("pyproject.toml", "figcheck.toml", ".figcheck.toml")


class _Dropped:
    """A message that could not be read; pygls ignores it (its jsonrpc is not "2.0")."""

    jsonrpc = "dropped"


class FigcheckProtocol(LanguageServerProtocol):
    """pygls's protocol, except that open documents are kept by :mod:`server.documents` (so
    positions are converted in one place and a bad edit cannot break pygls's copy), malformed
    requests get an InvalidParams answer instead of silence, and the negotiated position
    encoding and diagnostic mode are reflected in the capabilities."""

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams):
        result = yield from super().lsp_initialize(params)
        server: FigcheckServer = pygls_internals.server_of(self)
        result.capabilities.position_encoding = server.encoding
        if not server.pull:
            result.capabilities.diagnostic_provider = None
        return result

    def _user(self, method: str, params):
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params):
        yield from self._user(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params):
        yield from self._user(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params):
        yield from self._user(types.TEXT_DOCUMENT_DID_CLOSE, params)

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        pygls_internals.forget_notification_future(self, msg_id, callback)  # a leak in pygls 2.1

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            method = data.get("method", "?") if isinstance(data, dict) else "?"
            detail = f"invalid params for {method}: {exc.__cause__ or exc}"
            if isinstance(data, dict) and "id" in data and "method" in data:
                error = JsonRpcInvalidParams(detail).to_response_error()
                pygls_internals.send_response(self, data["id"], error)
            pygls_internals.server_of(self).log(detail, types.MessageType.Warning)
            return _Dropped()


class FigcheckServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__("figcheck", figcheck.__version__, protocol_cls=FigcheckProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = DocumentStore()
        self.debounce = debounce
        self.encoding = positions.UTF16
        self.pull = False
        self.init_settings = settings_mod.EditorSettings()
        self.editor = settings_mod.EditorSettings()
        self.generation = 0  # bumped when settings change; analyses of older ones are stale
        self._pending: dict[str, asyncio.Task] = {}
        self._last_change: dict[str, float] = {}
        self._inflight: dict[str, tuple[tuple, asyncio.Future]] = {}
        self._closing = False
        # Two workers: one large document cannot hold up every other (issue #19); each document
        # has at most one analysis wanted at a time, and the watchdog stops unwanted ones.
        self._worker = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="figcheck-check")
        self.watchdog = cancel.Watchdog()
        self._warm_lock = threading.Lock()
        self._warm: set[str] = set()  # the formats warmed up
        self.exit_code: int | None = None  # set by the `exit` notification
        self._initialize_seen = False
        self._shutdown_seen = False
        # Code compiled at start-up, kept for the next start: cattrs writes readers for the
        # client's capabilities when it first reads `initialize` (set by figcheck_lsp.launch).
        self.start_up_code = CodeCache(None)

    # --- the connection --------------------------------------------------------------------
    def start_io(self, stdin=None, stdout=None) -> int:
        """Serve LSP over stdin/stdout until ``exit`` or end of input; returns the exit status
        (0 after ``shutdown``, 1 without, as the specification says).

        pygls's own loop (``pygls.io_.run_async``) cannot be made robust by configuration (issue
        #19, see :mod:`figcheck_lsp.framing`), so this one reads the bytes, frames them, answers what
        pygls would drop or get wrong, and hands every well-formed message to pygls's protocol.
        """
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(self._serve(stdin or sys.stdin.buffer))
        except (BrokenPipeError, ConnectionResetError):
            log.error("the connection to the client is lost; shutting down")
        except KeyboardInterrupt:
            pass
        finally:
            self.shutdown()
        return self.exit_code if self.exit_code is not None else (0 if self._shutdown_seen else 1)

    async def _serve(self, stdin) -> None:
        loop = asyncio.get_running_loop()
        read = getattr(stdin, "read1", None) or stdin.read
        reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="figcheck-stdin")
        framer = framing.Framer()
        try:
            while self.exit_code is None:
                data = await loop.run_in_executor(reader, read, 65536)
                if not data:
                    return
                for frame in framer.feed(data):
                    if frame.problem is not None:
                        self.log(f"figcheck: bad LSP framing: {frame.problem}", types.MessageType.Warning)
                    else:
                        self.receive(frame.body)
                    if self.exit_code is not None:
                        return
        finally:
            reader.shutdown(wait=False, cancel_futures=True)

    def receive(self, body: bytes) -> None:
        """One message body: answered here when it is not valid JSON-RPC, or not allowed now
        (before ``initialize``, after ``shutdown``); otherwise handed to pygls."""
        try:
            message = framing.decode(body)
        except ValueError as exc:
            return self._refuse(None, framing.PARSE_ERROR, f"parse error: {exc}")
        if (problem := framing.envelope_error(message)) is not None:
            msg_id = message.get("id") if isinstance(message, dict) else None
            return self._refuse(msg_id if framing.valid_id(msg_id) else None, *problem)
        method, is_request = message.get("method"), "method" in message and "id" in message
        if method == types.INITIALIZE:
            self._initialize_seen = True
        elif not self._initialize_seen and method != types.EXIT:
            if is_request:  # notifications before initialize are dropped, as the spec says
                self._refuse(message["id"], framing.SERVER_NOT_INITIALIZED, "the server is not initialized")
            return None
        elif self._shutdown_seen and method != types.EXIT:
            if is_request:
                self._refuse(message["id"], framing.INVALID_REQUEST, "the server is shutting down")
            return None
        if method == types.SHUTDOWN and is_request:
            self._shutdown_seen = True
        try:
            with self.start_up_code.installed() if method == types.INITIALIZE else nullcontext():
                self.protocol.handle_message(self.protocol.structure_message(message))
        except SystemExit as exc:  # pygls's `exit` handler: 0 after shutdown, 1 without
            self.exit_code = exc.code if isinstance(exc.code, int) else 1
        except Exception as exc:  # a bug in a handler pygls did not catch: keep serving
            log.exception("handling %s failed", method)
            self.log(f"figcheck server error handling {method}: {exc!r}", types.MessageType.Error)
        if method == types.INITIALIZE:
            self.start_up_code.save()

    def _refuse(self, msg_id, code: int, text: str) -> None:
        """Answer what pygls would drop or get wrong, written straight to the client."""
        if self.protocol.writer is not None:
            self.protocol.writer.write(framing.frame(framing.error_response(msg_id, code, text)))

    # --- client capabilities -------------------------------------------------------------
    def capability(self, dotted: str):
        value = self.client_capabilities
        for name in dotted.split("."):
            value = getattr(value, name, None)
            if value is None:
                return None
        return value

    @property
    def versioned_edits(self) -> bool:
        return bool(self.capability("workspace.workspace_edit.document_changes"))

    @property
    def markdown_hover(self) -> bool:
        formats = self.capability("text_document.hover.content_format") or []
        return types.MarkupKind.Markdown in formats or "markdown" in formats

    # --- messages to the client ----------------------------------------------------------
    def log(self, message: str, kind=types.MessageType.Log) -> None:
        log.info("%s", message)
        try:
            self.window_log_message(types.LogMessageParams(type=kind, message=message))
        except Exception:  # before initialize, or the connection is gone
            pass

    def warn_user(self, message: str) -> None:
        log.warning("%s", message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=message))

    def report_server_error(self, error, source) -> None:
        # Failed requests were already answered with the error; a failing notification handler
        # is logged, not shown in a dialog, and the server goes on.
        if source is FeatureRequestError:
            return
        self.log(f"figcheck server error ({getattr(source, '__name__', source)}): {error}",
                 types.MessageType.Error)

    # --- settings ------------------------------------------------------------------------
    def apply_settings(self, data, source: str, base: settings_mod.EditorSettings) -> bool:
        try:
            self.editor = settings_mod.parse(data, source, base)
        except ConfigError as exc:
            self.warn_user(f"figcheck: {exc}. Keeping the previous settings.")
            return False
        return True

    async def pull_settings(self) -> None:
        if not self.capability("workspace.configuration"):
            return
        try:
            items = [types.ConfigurationItem(section=settings_mod.SECTION)]
            result = await self.workspace_configuration_async(types.ConfigurationParams(items=items))
        except Exception as exc:
            self.log(f"workspace/configuration failed: {exc}", types.MessageType.Warning)
            return
        self.apply_settings(result[0] if result else None, "workspace/configuration (figcheck)",
                            self.init_settings)

    async def settings_changed(self, inlay_before: bool = False) -> None:
        self.generation += 1
        settings_mod.forget_file_settings()
        for doc in self.documents:
            self.schedule(doc.uri, delay=0.0)
        if self.pull and self.capability("workspace.diagnostics.refresh_support"):
            self.workspace_diagnostic_refresh(None)
        if (self.editor.inlay_hints or inlay_before) and \
                self.capability("workspace.inlay_hint.refresh_support"):
            self.workspace_inlay_hint_refresh(None)

    # --- checking ------------------------------------------------------------------------
    def snapshot(self, doc: OpenDocument) -> Snapshot:
        settings, root = settings_mod.settings_for(doc.path, self.editor)
        table = doc.cached_table()
        return Snapshot(doc.uri, doc.version, doc.text, doc.format, self.relative_path(doc.path, root),
                        doc.cache, settings, self.generation, self.encoding, table, doc.held,
                        doc.analysis)

    def relative_path(self, path: str | None, root: str | None) -> str | None:
        """The path per-file-ignores match: relative to the config file, else the workspace."""
        if root is None:
            root = self.workspace_root()
        if path and root:
            try:
                return Path(path).relative_to(root).as_posix()
            except ValueError:
                pass
        return path

    def workspace_root(self) -> str | None:
        try:
            return self.workspace.root_path
        except RuntimeError:  # pygls: no workspace before initialize
            return None

    def current(self, analysis: Analysis, doc: OpenDocument) -> bool:
        return analysis.version == doc.version and analysis.generation == self.generation and \
            analysis.text is doc.text

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Check ``uri`` soon; a newer call supersedes an older pending one."""
        now = time.monotonic()
        if delay is None:
            idle = now - self._last_change.get(uri, 0.0) > self.debounce
            delay = 0.0 if idle else self.debounce
        self._last_change[uri] = now
        if (task := self._pending.pop(uri, None)) is not None:
            task.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            analysis = await self.analysis(uri)
        except Exception as exc:  # an engine bug: say so, keep serving
            log.exception("checking %s failed", uri)
            return self.log(f"figcheck could not check {uri}: {exc!r}", types.MessageType.Error)
        if analysis is not None and not self.pull:
            self.publish(analysis)

    async def analysis(self, uri: str) -> Analysis | None:
        """The analysis of the document's current version (computed now if needed)."""
        while (doc := self.documents.find(uri)) is not None:
            if doc.analysis is not None and self.current(doc.analysis, doc):
                return doc.analysis
            try:
                result = await asyncio.shield(self._run_analysis(doc))
            except Superseded:
                continue
            if self.current(result, doc):
                doc.analysis = result
                doc.remember(result.table)
        return None

    def _run_analysis(self, doc: OpenDocument) -> asyncio.Future:
        """The worker's future for the document as it is now, shared by everyone who waits."""
        key = (doc.version, self.generation, id(doc.text))
        entry = self._inflight.get(doc.uri)
        if entry is None or entry[0] != key:
            snap = self.snapshot(doc)

            def cancelled() -> bool:
                return self._closing or doc.text is not snap.text or \
                    self.generation != snap.generation or not self.documents.holds(doc)

            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self._worker, self._analyze, snap, cancelled, loop)
            future.add_done_callback(lambda f: f.cancelled() or f.exception())  # retrieved: no noise
            entry = self._inflight[doc.uri] = (key, future)
        return entry[1]

    async def on_worker(self, function, *args):
        """``function(*args)`` on a checking worker (engine work must not hold up the loop)."""
        return await asyncio.get_running_loop().run_in_executor(self._worker, function, *args)

    def _analyze(self, snap: Snapshot, cancelled, loop) -> Analysis:
        """On a worker: the analysis, stopped inside a paragraph if it stops being wanted."""
        self.warm_up(snap.format)

        def work() -> Analysis:
            if reads_much(snap):  # said once the watchdog is watching this work
                loop.call_soon_threadsafe(self.log, f"figcheck: checking {snap.uri} version "
                                                    f"{snap.version} ({len(snap.text):,} characters)")
            return analyze(snap, cancelled)

        try:
            return self.watchdog.run(work, cancelled)
        except (cancel.Interrupted, Superseded) as exc:
            if isinstance(exc, cancel.Interrupted) or len(snap.text) >= LARGE_DOCUMENT:
                how = "interrupted" if isinstance(exc, cancel.Interrupted) else "between paragraphs"
                loop.call_soon_threadsafe(self.log, f"figcheck: stopped checking {snap.uri} version "
                                                    f"{snap.version}: closed or changed ({how})")
            raise Superseded() from None

    def warm_up(self, fmt: str) -> None:
        """Import and build, once and on one thread, what analyses in format ``fmt`` use: the
        engine imports lazily, and two workers importing the same modules at once can see one
        half-made. One check of one short line builds what checking needs, and reading a word in
        ``fmt`` imports its reader. Only the format at hand: a markup reader the first document
        does not need would hold up its first diagnostics (the cold start)."""
        if fmt in self._warm:
            return
        with self._warm_lock:
            if fmt in self._warm:
                return
            from figcheck.engine import check_document
            from figcheck.text import read_document

            if not self._warm:
                check_document(read_document("It is 5 km (3 miles) long. figcheck: ignore FC101\n", "text"))
            read_document("word", fmt)
            self._warm.add(fmt)

    def forget(self, uri: str) -> None:
        if (task := self._pending.pop(uri, None)) is not None:
            task.cancel()
        self._inflight.pop(uri, None)
        self._last_change.pop(uri, None)

    def publish(self, analysis: Analysis) -> None:
        """Publish the analysis's diagnostics, written from the JSON the worker made of each
        (pygls would serialise every one again on the event loop: ~10 ms a keystroke in 1 MB)."""
        pygls_internals.send_notification_json(
            self.protocol, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, publish_params_json(analysis))

    def shutdown(self):
        self._closing = True
        self._worker.shutdown(wait=False, cancel_futures=True)
        self.watchdog.close()
        super().shutdown()


def reads_much(snap: Snapshot) -> bool:
    """Whether checking ``snap`` reads at least :data:`LARGE_DOCUMENT` characters anew (its
    first check, new settings, or an edit that large), so may take long: such a check is logged
    when it starts, not a keystroke in a large document (a message and a wake-up of the event
    loop on each)."""
    if len(snap.text) < LARGE_DOCUMENT:
        return False
    previous = snap.previous
    if previous is None or previous.generation != snap.generation or previous.uri != snap.uri:
        return True
    head, tail = ends_in_common(snap, previous.text, snap.text)
    return len(snap.text) - head - tail >= LARGE_DOCUMENT or len(previous.text) - head - tail >= LARGE_DOCUMENT


server = FigcheckServer()


def _doc(ls: FigcheckServer, uri: str) -> OpenDocument | None:
    try:
        return ls.documents.get(uri)
    except UnknownDocument as exc:
        ls.log(str(exc), types.MessageType.Warning)
        return None


# --- lifecycle -----------------------------------------------------------------------------
@server.feature(types.INITIALIZE)
def initialize(ls: FigcheckServer, params: types.InitializeParams) -> None:
    general = params.capabilities.general
    ls.encoding = positions.negotiate(general.position_encodings if general else None)
    ls.pull = bool(ls.capability("text_document.diagnostic")) and \
        bool(ls.capability("workspace.diagnostics.refresh_support"))
    if ls.apply_settings(params.initialization_options, "initializationOptions", settings_mod.EditorSettings()):
        ls.init_settings = ls.editor


@server.feature(types.INITIALIZED)
async def initialized(ls: FigcheckServer, params: types.InitializedParams) -> None:
    before = ls.editor
    await ls.pull_settings()
    # Documents opened meanwhile are being checked with ``before``: re-checking them (and
    # throwing that check away) only when the workspace settings differ keeps the cold start short.
    if ls.editor != before:
        await ls.settings_changed()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: FigcheckServer, params: types.DidChangeConfigurationParams) -> None:
    inlay_before = ls.editor.inlay_hints
    if ls.capability("workspace.configuration"):
        await ls.pull_settings()
    else:
        ls.apply_settings(params.settings, "didChangeConfiguration", ls.init_settings)
    await ls.settings_changed(inlay_before)


# --- documents -----------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FigcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.documents.open(params.text_document)
    ls.schedule(params.text_document.uri, delay=0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FigcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    if _doc(ls, params.text_document.uri) is None:
        return
    for warning in ls.documents.change(params, ls.encoding):
        ls.log(f"{params.text_document.uri}: {warning}", types.MessageType.Warning)
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: FigcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri.rsplit("/", 1)[-1] in CONFIG_FILE_NAMES:
        await ls.settings_changed()
    elif params.text_document.uri in ls.documents:
        ls.schedule(params.text_document.uri, delay=0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FigcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    try:
        ls.documents.close(params.text_document.uri)
    except UnknownDocument as exc:
        return ls.log(str(exc), types.MessageType.Warning)
    ls.forget(params.text_document.uri)
    if not ls.pull:  # clear what was published for it
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


# --- features ------------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                types.DiagnosticOptions(identifier="figcheck", inter_file_dependencies=False,
                                        workspace_diagnostics=False))
async def pull_diagnostics(ls: FigcheckServer, params: types.DocumentDiagnosticParams):
    analysis = await ls.analysis(params.text_document.uri) if params.text_document.uri in ls.documents else None
    if analysis is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    if params.previous_result_id == analysis.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=analysis.result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=analysis.lsp, result_id=analysis.result_id)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=actions.KINDS, resolve_provider=False))
async def code_action(ls: FigcheckServer, params: types.CodeActionParams):
    if (doc := _doc(ls, params.text_document.uri)) is None:
        return None
    analysis = await ls.analysis(doc.uri)
    found = actions.quick_fixes(doc.uri, doc, params, ls.versioned_edits, ls.encoding)
    if analysis is not None and actions.wants_fix_all(params):
        # Fix-all re-checks the text after each pass of fixes: on a worker, not the event loop.
        fix_all = await ls.on_worker(actions.fix_all, doc.uri, analysis, ls.versioned_edits,
                                     ls.editor.unsafe_fixes)
        found.extend([fix_all] if fix_all is not None else [])
    return found or None


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: FigcheckServer, params: types.HoverParams):
    if (analysis := await ls.analysis(params.text_document.uri)) is None:
        return None
    from .hover import hover_text  # on first use: the first diagnostics do not need it

    found = hover_text(analysis, analysis.table.offset(params.position), ls.markdown_hover)
    if found is None:
        return None
    kind = types.MarkupKind.Markdown if ls.markdown_hover else types.MarkupKind.PlainText
    return types.Hover(contents=types.MarkupContent(kind=kind, value=found[0]),
                       range=analysis.table.range(*found[1]))


@server.feature(types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=False))
async def inlay_hint(ls: FigcheckServer, params: types.InlayHintParams):
    if not ls.editor.inlay_hints or (analysis := await ls.analysis(params.text_document.uri)) is None:
        return None
    from .inlay import inlay_hints  # on first use: the first diagnostics do not need it

    start, end = analysis.table.span(params.range)
    return inlay_hints(analysis, start, end)
