import { normalizeForSearch } from '../../platform/crypto';

// Whole-message keywords in the main WhatsApp languages (EN, PT, ES, FR, DE, IT, RU, AR, ZH, HI,
// ID/MS, TR, NL, PL…), compared after normalization (NFKC, lower case, marks stripped, punctuation
// and surrounding spaces removed), so "Stop!", "ARRÊT" and "arret" all match.
const OPT_OUT = [
  'stop', 'stop all', 'unsubscribe', 'cancel', 'end', 'quit', 'opt out', 'optout', 'stopall',
  'parar', 'sair', 'cancelar', 'descadastrar', 'baja', 'darme de baja', 'alto',
  'arret', 'arreter', 'desabonner', 'desinscrire',
  'stopp', 'abmelden', 'abbestellen', 'disdici', 'basta', 'annulla',
  'стоп', 'отписаться', 'отписка',
  'توقف', 'الغاء', 'إلغاء', 'ايقاف',
  '停止', '退订', '取消订阅', '退訂',
  'रोकें', 'रोको', 'बंद करो',
  'berhenti', 'henti', 'dur', 'iptal', 'afmelden', 'wypisz', 'zatrzymaj',
].map((k) => normalizeKeyword(k));

const OPT_IN = ['start', 'subscribe', 'unstop', 'yes', 'iniciar', 'comecar', 'empezar', 'alta', 'demarrer', 'abonner', 'anmelden', 'iscriviti', 'старт', 'подписаться', 'ابدأ', '开始', '订阅', 'शुरू', 'mulai', 'basla'].map((k) => normalizeKeyword(k));

export function normalizeKeyword(text: string): string {
  return normalizeForSearch(text)
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const outSet = new Set(OPT_OUT);
const inSet = new Set(OPT_IN.filter((k) => k !== 'yes'));

/** 'opt_out' / 'opt_in' when the whole message is a consent keyword. */
export function consentKeyword(text: string): 'opt_out' | 'opt_in' | null {
  if (text.length > 40) return null;
  const k = normalizeKeyword(text);
  if (outSet.has(k)) return 'opt_out';
  if (inSet.has(k)) return 'opt_in';
  return null;
}
