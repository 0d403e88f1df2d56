/** What an OCR engine reads from a stored file: the text of its pages. */
export interface RecognisedText {
  text: string
  pages: number
}

/**
 * The small adapter behind which OCR sits (tesseract-engine.ts is the real one): the worker and
 * the tests see only this. `recognize` rejects with an OcrFailure whose message is the reason
 * kept on the job, in Vietnamese.
 */
export interface OcrEngine {
  /** Stored beside the text: which engine and language read it. */
  readonly name: string
  recognize(file: { bytes: Buffer; mediaType: string }, signal?: AbortSignal): Promise<RecognisedText>
}

/** Why a file could not be read: the reason is for people (it is shown on the dossier page). */
export class OcrFailure extends Error {}
