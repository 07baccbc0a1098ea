// The public map page: Etablera's layers, the site search and its results.
import 'maplibre-gl/dist/maplibre-gl.css';
import './map/map.css';
import { startMapPage } from './map/page';

startMapPage().catch((err) => {
  // Last resort: say so on the page rather than leave a blank map.
  const status = document.getElementById('map-status');
  if (status) {
    status.hidden = false;
    status.classList.add('error');
    status.textContent = (err as Error).message;
  }
  console.error(err);
});
