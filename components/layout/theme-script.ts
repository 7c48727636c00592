/** localStorage key for the reader's theme choice: "light", "dark", or absent for the system's. */
export const themeStorageKey = 'clusterbook-theme';

/** localStorage key for the glossary language: "ko", "en", or absent to follow navigator.language. */
export const glossaryLanguageKey = 'clusterbook-glossary-language';

/**
 * Runs before first paint (inlined in <head>), so the page never flashes the wrong theme (or the
 * wrong glossary language: Korean when the reader chose it or their browser's language is Korean).
 * It is a build-time constant, which is why inlining it is safe (the CSP allows it by its hash).
 * It also puts zod in jitless mode (what z.config({ jitless: true }) sets, on the global zod reads)
 * before any zod loads: zod would otherwise probe `new Function`, which the CSP forbids.
 */
export const themeScript = `globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});(function(){try{var d=document.documentElement,s=localStorage.getItem('${themeStorageKey}'),p=s==='light'||s==='dark'?s:'system',t=p==='system'?(matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'):p;d.dataset.theme=t;d.dataset.themePreference=p;var g=localStorage.getItem('${glossaryLanguageKey}');d.dataset.glossaryLanguage=g==='ko'||g==='en'?g:/^ko\\b/i.test(navigator.language||'')?'ko':'en'}catch(e){}})()`;
