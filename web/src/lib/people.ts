/** How the app shows a person: by name when the token or the API says it, else by login id (never blank). */
export const personName = (id: string | undefined, name?: string): string => name?.trim() || id || '–';
