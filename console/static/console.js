// Draws the dashboard's trend charts from the JSON embedded in the page (no inline script: CSP allows 'self' only).
(function () {
  var el = document.getElementById('trend-data');
  if (!el || typeof Chart === 'undefined') return;
  var d = JSON.parse(el.textContent);
  var volume = document.getElementById('chart-volume');
  if (volume) {
    new Chart(volume, {
      type: 'bar',
      data: { labels: d.labels, datasets: [
        { label: d.series.received.label, data: d.series.received.data, backgroundColor: '#12355b' },
        { label: d.series.resolved.label, data: d.series.resolved.data, backgroundColor: '#4f9a55' }
      ] },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  var sat = document.getElementById('chart-satisfaction');
  if (sat) {
    new Chart(sat, {
      type: 'line',
      data: { labels: d.labels, datasets: [
        { label: d.series.satisfaction.label + ' (%)', data: d.series.satisfaction.data, borderColor: '#a4161a', backgroundColor: '#a4161a', spanGaps: true }
      ] },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100 } } }
    });
  }
})();
