/** localStorage key for the reader's theme choice: "light", "dark", or absent for the system's. */
export const themeStorageKey = 'clusterbook-theme';

/**
 * Runs before first paint (inlined in <head>), so the page never flashes the wrong theme.
 * It is a build-time constant, which is why inlining it is safe.
 */
export const themeScript = `(function(){try{var d=document.documentElement,s=localStorage.getItem('${themeStorageKey}'),p=s==='light'||s==='dark'?s:'system',t=p==='system'?(matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'):p;d.dataset.theme=t;d.dataset.themePreference=p}catch(e){}})()`;
