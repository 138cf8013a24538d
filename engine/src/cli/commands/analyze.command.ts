import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnalyzeOptions } from '../../../../shared/src/analysis.js';
import { JOB_OPTIONS, parseOptionFlag } from '../../contracts/job-options.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { analyzeVideo } from '../../services/analysis/analyze-video.js';
import { acceptSuggestionsAndReport, summarizeAnalysis } from '../analysis-output.js';
import type { Command } from '../command.js';
import { chooseProgressMode, createProgressDisplay } from '../progress-display.js';
import { onStopSignal } from '../shutdown.js';
import { writeFolderAnalysis } from '../../services/analysis-folder.service.js';
import { describeRecognised, LIBRARY_OPTION_HELP, libraryDir, openLibrary, rememberLibraryAnalysis } from '../library-folder.js';

const USAGE = `Usage: npx onscreen analyze <file|url> [--out <dir>] [--fps N] [--auto] [--json]

Finds the people in a video and writes <dir>/analysis.json with their faces and thumbnails.
Then tag them (npx onscreen tag) and write the report (npx onscreen report).

Options:
  --out <dir>              where to write (default: ./onscreen-<video name>)
  --fps <n>                samples per second (default ${JOB_OPTIONS.fps.default}, at most ${JOB_OPTIONS.fps.max})
  --min-face <px>          smallest face side to judge, in pixels (default ${JOB_OPTIONS.minFaceSize.default})
  --auto                   accept the suggested genders and write the report at once
  --allow-private-network  allow URLs on private, loopback or link-local addresses
  --json                   machine-readable progress and result on stdout (JSON lines)
${LIBRARY_OPTION_HELP}
                           (only with --library or $ONSCREEN_LIBRARY: recognise people tagged in earlier videos)`;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'find the people in a video file or URL',
  usage: USAGE,
  async run(args, { engine, libraryDir: libraryFromSettings }) {
    const { values, positionals } = parseCli(args);
    const source = positionals[0]!;
    const outDir = resolve(values.out ?? `onscreen-${safeName(source)}`);
    const options: AnalyzeOptions = {
      fps: parseOptionFlag('fps', values.fps),
      minFaceSize: parseOptionFlag('minFaceSize', values['min-face']),
      ...(values['allow-private-network'] ? { allowPrivateNetwork: true } : {}),
    };
    const isJson = values.json === true;
    const display = createProgressDisplay(chooseProgressMode(isJson, process.stderr), isJson ? process.stdout : process.stderr);
    const abort = new AbortController();
    const library = values.library !== undefined || libraryFromSettings !== undefined ? openLibrary(values.library, libraryFromSettings) : null;
    // A damaged library is refused before minutes of analysis, not after.
    await library?.list();
    const workDir = await mkdtemp(join(tmpdir(), 'onscreen-'));
    // A second signal ends at once, as without a handler, but not before the scratch folder (the
    // download, face crops, voice samples) is gone: `finally` does not run after process.exit.
    const offSignal = onStopSignal((count) => {
      if (count === 1) return abort.abort();
      rmSync(workDir, { recursive: true, force: true });
      process.exit(130);
    });
    try {
      const result = await analyzeVideo(engine, {
        source: isUrl(source) ? source : resolve(source),
        options,
        workDir,
        signal: abort.signal,
        onProgress: (p) => display.update(p),
      });
      display.done();
      const recognised = library ? await library.recogniseResult(result) : result;
      const kept = await writeFolderAnalysis(outDir, recognised);
      const summary = summarizeAnalysis(recognised.analysis, outDir, values.auto === true);
      if (library) summary.push(describeRecognised(recognised.analysis));
      // The library keeps where it recognised people: removing them later takes that out here too.
      if (library && recognised.analysis.clusters.some((c) => c.known)) await rememberLibraryAnalysis(libraryDir(values.library, libraryFromSettings), outDir);
      let reportPath: string | null = null;
      if (values.auto) reportPath = await acceptSuggestionsAndReport(outDir);
      emit(isJson, { event: 'done', dir: outDir, people: result.analysis.clusters.length, report: reportPath, previousTags: kept }, [
        ...summary,
        ...(kept ? [`Earlier tags were kept aside as ${kept}.`] : []),
        ...(reportPath ? [`Suggestions accepted. Report: ${reportPath}`] : []),
      ]);
      return 0;
    } catch (error) {
      display.done();
      if (abort.signal.aborted) throw new OnscreenError('interrupted', 'Interrupted: nothing was written. Run the same command again to start over.');
      if (error instanceof OnscreenError && error.code === 'url_private_address' && !error.hint) {
        throw new OnscreenError(error.code, error.message, { hint: 'If the video really is on your own network, add --allow-private-network.' });
      }
      throw error;
    } finally {
      offSignal();
      await rm(workDir, { recursive: true, force: true });
    }
  },
};

function parseCli(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        fps: { type: 'string' },
        'min-face': { type: 'string' },
        auto: { type: 'boolean' },
        json: { type: 'boolean' },
        'allow-private-network': { type: 'boolean' },
        library: { type: 'string' },
      },
    });
  } catch (error) {
    throw new OnscreenError('bad_request', `${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.positionals.length !== 1) throw new OnscreenError('bad_request', `Give one video file or URL.\n${USAGE}`);
  return parsed;
}

function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

function safeName(source: string): string {
  const name = isUrl(source) ? (new URL(source).searchParams.get('v') ?? basename(new URL(source).pathname)) : basename(source);
  return name.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_').slice(0, 60) || 'video';
}

function emit(isJson: boolean, data: Record<string, unknown>, lines: string[]): void {
  if (isJson) process.stdout.write(`${JSON.stringify(data)}\n`);
  else process.stdout.write(`${lines.join('\n')}\n`);
}
