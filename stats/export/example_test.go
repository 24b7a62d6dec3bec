package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/stats"
	"github.com/jangmadang/marketarea/stats/export"
)

// Write the four exports of the shipped survey into a directory. The
// stand-in markets have no location, so they are left out of the maps.
func ExampleWriteDir() {
	ds, err := data.Survey()
	if err != nil {
		fmt.Println(err)
		return
	}
	changes, err := stats.ChangesOver(ds, stats.Window{From: 2020, To: 2025}, stats.Tolerance{})
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "report")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	w, err := export.WriteDir(dir, changes)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range w.Files {
		fmt.Println(filepath.Base(f))
	}
	fmt.Printf("%d of %d markets have no location and are not on the maps\n", w.Unlocated, len(changes.Markets))
	// Output:
	// results.csv
	// gross-by-year.csv
	// markets.geojson
	// markets.kml
	// 214 of 222 markets have no location and are not on the maps
}

func ExampleWriteResultsCSV() {
	changes := fixture()
	changes.Markets = changes.Markets[:3]
	if err := export.WriteResultsCSV(os.Stdout, changes); err != nil {
		fmt.Println(err)
	}
	// Output:
	// market_id,name,province,town,lat,lon,baseline_date,baseline_m2,end_date,end_m2,change_m2,status,baseline_provenance,end_provenance,synthetic
	// sariwon,Sariwon Market #2,North Hwanghae,Sariwon,38.5,125.7,2019,0,2021-06,1345.5,1345.5,opened,published,measured,false
	// quote,"Market ""A"", B & C <#1> ]]>",South Pyongan,"Sunchon & ""Pukchang"" <#2>",39.43,125.93,2020,800,2024-05-17,1210.25,410.25,grew,measured,measured,false
	// nowhere,"Market, location withheld",,,,,2018,300,2023,450,150,grew,measured,measured,false
}

func ExampleWriteGrossByYearCSV() {
	if err := export.WriteGrossByYearCSV(os.Stdout, fixture().ByYear()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// year,additions_m2,reductions_m2,net_m2,markets
	// 2020,0,0,0,6
	// 2021,1345.5,0,1345.5,6
	// 2022,0,500,-500,6
	// 2023,150,0,150,6
	// 2024,410.25,400,10.25,6
	// 2025,0,0,0,6
}

// Coordinates are [longitude, latitude]; a market without a location is
// left out and counted.
func ExampleWriteGeoJSON() {
	changes := fixture()
	changes.Markets = changes.Markets[2:4] // one without a location, one with
	unlocated, err := export.WriteGeoJSON(os.Stdout, changes)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(unlocated, "left out")
	// Output:
	// {
	//  "type": "FeatureCollection",
	//  "features": [
	//   {
	//    "type": "Feature",
	//    "id": "closed",
	//    "geometry": {
	//     "type": "Point",
	//     "coordinates": [
	//      126.021379,
	//      39.430997
	//     ]
	//    },
	//    "properties": {
	//     "id": "closed",
	//     "name": "Haksan Market",
	//     "status": "closed",
	//     "change_m2": -400,
	//     "baseline_m2": 400,
	//     "end_m2": 0,
	//     "baseline_date": "2020",
	//     "end_date": "2024",
	//     "synthetic": false
	//    }
	//   }
	//  ]
	// }
	// 1 left out
}

// Each placemark takes the style of its status and stands at
// longitude,latitude.
func ExampleWriteKML() {
	changes := fixture()
	var b strings.Builder
	unlocated, err := export.WriteKML(&b, changes)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "<name>") || strings.HasPrefix(line, "<styleUrl>") || strings.HasPrefix(line, "<coordinates>") {
			fmt.Println(line)
		}
	}
	fmt.Println(unlocated, "markets left out")
	// Output:
	// <name>Market stall area, 2020-2025</name>
	// <name>Sariwon Market #2</name>
	// <styleUrl>#status-opened</styleUrl>
	// <coordinates>125.7,38.5</coordinates>
	// <name>Market &#34;A&#34;, B &amp; C &lt;#1&gt; ]]&gt;</name>
	// <styleUrl>#status-grew</styleUrl>
	// <coordinates>125.93,39.43</coordinates>
	// <name>Haksan Market</name>
	// <styleUrl>#status-closed</styleUrl>
	// <coordinates>126.021379,39.430997</coordinates>
	// <name>Hyesan Market</name>
	// <styleUrl>#status-declined</styleUrl>
	// <coordinates>128.18,41.4</coordinates>
	// 2 markets left out
}
