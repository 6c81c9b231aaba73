/** The texts of the office's people pages, in Swedish (the source of the keys) and English; spread into ../sv.ts and ../en.ts. */
export const sv = {} as const;

export const en: Record<keyof typeof sv, string> = {};
